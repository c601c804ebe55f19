import fs from "node:fs";

/** A command's output: FILE (created) or standard output, written with backpressure. */
export function commandOutput(file: string | undefined): { write: (s: string) => Promise<void>; close: () => Promise<void> } {
  const stream = file ? fs.createWriteStream(file) : process.stdout;
  return {
    write: (s) =>
      new Promise((resolve, reject) => {
        if (stream.write(s)) resolve();
        else {
          stream.once("drain", resolve);
          stream.once("error", reject);
        }
      }),
    close: () => new Promise((resolve, reject) => (file ? (stream as fs.WriteStream).end((err?: Error | null) => (err ? reject(err) : resolve())) : resolve())),
  };
}
