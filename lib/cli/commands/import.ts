import fs from "node:fs";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import type { Db } from "../../../db/client";
import { AppError } from "../../../core/errors";
import { releasePending } from "../../disclosure/releases";
import { importResponsesCsv } from "../../csv/import-responses";
import { progressReporter } from "../progress";
import { oneArgument, UsageError, type Command } from "../command";

async function importFile(db: Db, file: string): Promise<void> {
  if (!fs.existsSync(file)) throw new UsageError(`file not found: ${file}`);
  const size = fs.statSync(file).size;
  const progress = progressReporter("import", size);
  let bytes = 0;
  let rows = 0;
  const counting = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  const input: Readable = fs.createReadStream(file).pipe(counting);
  const outcome = await importResponsesCsv(db, input, {
    onProgress: (n) => {
      rows = n;
      progress.update(bytes, rows);
    },
  });
  progress.done(rows);
  if (!outcome.ok) {
    for (const e of outcome.errors) process.stderr.write(`${e}\n`);
    const more = outcome.errorCount - outcome.errors.length;
    throw new AppError(
      "validation_failed",
      `${outcome.errorCount} problem(s) in ${path.basename(file)}${more > 0 ? ` (first ${outcome.errors.length} listed)` : ""}; nothing was imported`,
    );
  }
  const r = outcome.result;
  process.stdout.write(
    `Imported ${r.inserted} responses (${r.alreadyPresent} already present) from ${r.rows} rows; ` +
      `created ${r.organisationsCreated} organisations, ${r.wavesCreated} waves, ${r.departmentsAdded} departments.\n`,
  );
}

export const importCommand: Command = {
  name: "import",
  summary: `  import <file.csv>                  import a responses CSV (all rows or none)`,
  help: `Usage: npm run cli -- import <file.csv>

Validates every row of a responses CSV (docs/csv-format.md, UTF-8, optional BOM, CRLF or LF) and
imports all of them, or none when any row is bad; each problem is printed as
"line N, column X: what is wrong; what is allowed". Rows whose response_id is already stored are
skipped when identical. Missing organisations and waves are created. Progress goes to stderr.`,
  async run({ args, minGroupSize, openDb }) {
    const file = oneArgument("import", args, "a CSV file");
    const db = await openDb();
    await importFile(db, file);
    await releasePending(db, minGroupSize);
  },
};
