/**
 * A process-wide cap on password checks running at once. bcrypt (cost 12, pure JavaScript) takes
 * about a quarter of a second of CPU per check, in chunks that share the event loop with every other
 * request: dozens at once made each survey page wait seconds. Checks beyond `concurrency` wait in
 * a first-come queue; when the queue is full the check is refused at once (the caller answers
 * "busy, try again"), so memory and waiting time stay bounded too. Every check, known email or
 * not, goes through the same gate, so timing still does not tell whether an account exists.
 */
export class BusyError extends Error {
  constructor() {
    super("too many password checks waiting");
  }
}

export class Gate {
  private running = 0;
  private waiting: (() => void)[] = [];

  constructor(
    readonly concurrency: number,
    readonly maxWaiting: number,
  ) {}

  get active(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Runs `work` when a slot is free; throws BusyError (without running it) when the queue is full. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxWaiting) throw new BusyError();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next(); // the slot passes straight to the next in line
      else this.running--;
    }
  }
}

/**
 * One bcrypt check at a time in this process, and 50 waiting (about 15 s of work at most). bcryptjs
 * runs in slices of up to 100 ms between which other requests proceed; with one check at a time a
 * page waits behind at most one slice per step instead of one per concurrent sign-in.
 */
export const PASSWORD_CHECKS: Gate = ((globalThis as { __dsPasswordGate?: Gate }).__dsPasswordGate ??= new Gate(1, 50));
