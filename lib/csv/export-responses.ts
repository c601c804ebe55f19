import type { Db } from "../../db/client";
import { exportResponsesPage, type ExportCursor } from "../../db/queries/export-responses";
import { RESPONSE_CSV_COLUMNS } from "../../core/csv-columns";
import { BOM, csvLines } from "./safe-cell";

/**
 * The responses CSV as a sequence of text chunks: BOM and header first, then a page of rows at a
 * time (each page read when the consumer asks for it), so no export ever holds the whole result in memory.
 */
export async function* responsesCsvChunks(
  db: Db,
  options: { orgSlug?: string; pageSize?: number; onRows?: (rowsSoFar: number) => void } = {},
): AsyncGenerator<string, number> {
  const pageSize = options.pageSize ?? 2000;
  yield BOM + csvLines([[...RESPONSE_CSV_COLUMNS]]);
  let after: ExportCursor = null;
  let rows = 0;
  for (;;) {
    const page = await exportResponsesPage(db, after, pageSize, options.orgSlug);
    if (page.length === 0) break;
    after = page[page.length - 1]!.key;
    rows += page.length;
    options.onRows?.(rows);
    yield csvLines(page.map((r) => r.cells.map((c) => (c === null ? "" : c))));
  }
  return rows;
}
