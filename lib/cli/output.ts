import fs from "node:fs";
import { once } from "node:events";
import { finished } from "node:stream/promises";

/**
 * A command's output: FILE (created) or standard output, written with backpressure. A stream error
 * (a full disk, a closed pipe) fails the next write or the close instead of crashing the process.
 */
export function commandOutput(file: string | undefined): { write: (s: string) => Promise<void>; close: () => Promise<void> } {
  const stream = file ? fs.createWriteStream(file) : process.stdout;
  let failure: Error | undefined;
  // One listener for the stream's life: one per write piled up (MaxListenersExceededWarning).
  stream.on("error", (e) => (failure ??= e));
  return {
    write: async (s) => {
      if (failure) throw failure;
      // events.once rejects on "error" while waiting and removes both its listeners when settled.
      if (!stream.write(s)) await once(stream, "drain");
    },
    close: async () => {
      if (file) {
        stream.end();
        await finished(stream);
      }
      if (failure) throw failure;
    },
  };
}
