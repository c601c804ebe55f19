import type { Readable } from "node:stream";
import Papa from "papaparse";
import type { Db } from "../../db/client";
import { commitStaged, createStaging, dropStaging, stageBatch, stagedConflicts, type ImportResult, type StagedRow } from "../../db/queries/import-responses";
import { CURRENT_QUESTIONNAIRE_VERSION } from "../../questions";
import { COLUMN_SCHEMAS, formatCellError, parseRow, RESPONSE_CSV_COLUMNS, type CellError } from "../../core/csv-columns";

export type ImportOutcome =
  | { ok: true; result: ImportResult }
  | { ok: false; errors: string[]; errorCount: number };

export type ImportOptions = {
  /** How many errors to list (all are counted). */
  maxErrors?: number;
  onProgress?: (rows: number) => void;
};

function checkHeader(cells: string[]): CellError[] {
  const header = cells.map((c, i) => (i === 0 ? c.replace(/^\ufeff/, "") : c).trim());
  const errors: CellError[] = [];
  const expected = new Set<string>(RESPONSE_CSV_COLUMNS);
  const seen = new Set<string>();
  for (const h of header) {
    if (!expected.has(h)) errors.push({ line: 1, column: h || "(empty)", message: `is not a column of the responses CSV; allowed: ${RESPONSE_CSV_COLUMNS.join(", ")}` });
    else if (seen.has(h)) errors.push({ line: 1, column: h, message: "appears twice in the header" });
    seen.add(h);
  }
  for (const c of RESPONSE_CSV_COLUMNS) if (!seen.has(c)) errors.push({ line: 1, column: c, message: "is missing from the header; every column of the contract is required (cells may be empty)" });
  return errors;
}

const countNewlines = (cells: string[]) => cells.reduce((a, c) => a + (c.match(/\n/g)?.length ?? 0), 0);

/**
 * Imports a responses CSV: every row is validated and staged first; if any row is bad nothing is
 * imported and every problem is reported as `line N, column X: what is wrong; what is allowed`.
 * Idempotent on response_id; creates missing organisations and waves. Memory stays bounded: rows
 * are streamed into a temporary table, not held in memory.
 */
export async function importResponsesCsv(db: Db, input: Readable, options: ImportOptions = {}): Promise<ImportOutcome> {
  const maxErrors = options.maxErrors ?? 100;
  const errors: CellError[] = [];
  let errorCount = 0;
  const addError = (e: CellError) => {
    errorCount++;
    if (errors.length < maxErrors) errors.push(e);
  };
  input.setEncoding("utf8");
  const staging = await createStaging(db);
  try {
    let header: string[] | null = null;
    let pending: StagedRow[] = [];
    // The problems found while parsing the rows of `pending`, counted when the batch is staged, so the
    // errors are counted (and the first maxErrors listed) in the same order as if each batch were
    // staged the moment it is full: a batch's parse problems, then its duplicates.
    let pendingErrors: CellError[] = [];
    const note = (e: CellError) => pendingErrors.push(e);
    // Batches are staged one after the other; while one is being staged and the next is already full,
    // the input is paused, so memory stays bounded by about two batches whatever the file's size.
    let staged: Promise<void> = Promise.resolve();
    let batchesWaiting = 0;
    let paused = false;
    let failure: { error: unknown } | undefined;
    let failParse: (error: unknown) => void = () => {};
    const flush = () => {
      const rows = pending;
      const found = pendingErrors;
      pending = [];
      pendingErrors = [];
      if (rows.length === 0 && found.length === 0) return;
      batchesWaiting++;
      if (batchesWaiting > 1 && !paused) {
        paused = true;
        input.pause();
      }
      staged = staged
        .then(async () => {
          if (failure) return;
          found.forEach(addError);
          if (rows.length) (await stageBatch(db, staging, rows)).forEach(addError);
        })
        .catch((error: unknown) => {
          // A database failure ends the import: the input stops and the parse below rejects with it.
          if (!failure) {
            failure = { error };
            paused = true;
            input.pause();
            failParse(error);
          }
        })
        .finally(() => {
          batchesWaiting--;
          if (batchesWaiting <= 1 && paused && !failure) {
            paused = false;
            input.resume();
          }
        });
    };
    let line = 1;
    let dataRows = 0;
    await new Promise<void>((resolve, reject) => {
      failParse = reject;
      Papa.parse<string[]>(input, {
        header: false,
        skipEmptyLines: false,
        step: (results, parser) => {
          const cells = results.data;
          const rowLine = line;
          line += 1 + countNewlines(cells);
          if (results.errors.length > 0) {
            for (const e of results.errors) note({ line: rowLine, column: "(row)", message: `${e.message}; fields must follow RFC 4180 quoting` });
            return;
          }
          if (header === null) {
            const headerErrors = checkHeader(cells);
            if (headerErrors.length) {
              headerErrors.forEach(note);
              parser.abort();
              return;
            }
            header = cells.map((c, i) => (i === 0 ? c.replace(/^\ufeff/, "") : c).trim());
            return;
          }
          if (cells.length === 1 && cells[0] === "") return; // blank line
          dataRows++;
          if (options.onProgress && dataRows % 10_000 === 0) options.onProgress(dataRows);
          const parsed = parseRow(cells, header, rowLine);
          if ("errors" in parsed) parsed.errors.forEach(note);
          const id = COLUMN_SCHEMAS.response_id!.safeParse(cells[header.indexOf("response_id")] ?? "");
          pending.push({ line: rowLine, id: id.success ? (id.data as string) : null, row: "errors" in parsed ? null : parsed.row });
          if (pending.length >= 1000) flush();
        },
        complete: () => {
          flush();
          void staged.then(() => (failure ? reject(failure.error) : resolve()));
        },
        // After the batch being staged, if any: nothing touches the staging tables once this settles.
        error: (err: Error) => void staged.then(() => reject(err)),
      });
    });
    if (header === null && errorCount === 0) addError({ line: 1, column: "(file)", message: "is empty; the first line must be the header row" });
    if (header !== null && dataRows === 0 && errorCount === 0) addError({ line: 2, column: "(file)", message: "has a header but no responses; nothing to import" });
    for (const e of await stagedConflicts(db, staging, maxErrors)) addError(e);
    if (errorCount > 0) {
      return { ok: false, errors: errors.sort((a, b) => a.line - b.line).map(formatCellError), errorCount };
    }
    return { ok: true, result: await commitStaged(db, staging, CURRENT_QUESTIONNAIRE_VERSION) };
  } finally {
    await dropStaging(db, staging);
  }
}
