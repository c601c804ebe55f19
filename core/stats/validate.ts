// Internal input checks shared by the stats module (not part of the public API).

/** Throws RangeError unless `value` is a finite number. */
export function assertFinite(value: number, name: string): void {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new RangeError(`${name} must be a finite number, got ${String(value)}`);
  }
}

/** Throws RangeError unless `value` is a non-negative integer count. */
export function assertCount(value: number, name: string): void {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${String(value)}`);
  }
}

/** Throws RangeError unless 0 < confidence < 1. */
export function assertConfidence(confidence: number): void {
  if (typeof confidence !== "number" || !(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence must be strictly between 0 and 1, got ${String(confidence)}`);
  }
}

/** Throws RangeError unless 0 <= p <= 1. */
export function assertProbability(p: number, name: string): void {
  if (typeof p !== "number" || !(p >= 0 && p <= 1)) {
    throw new RangeError(`${name} must be between 0 and 1, got ${String(p)}`);
  }
}
