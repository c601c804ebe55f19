import type { Db } from "../../db/client";
import { exportResponsesReader, exportWaves, PACKED_BASES, PACKED_FIELDS, type ExportCursor } from "../../db/queries/export-responses";
import { RESPONSE_CSV_COLUMNS } from "../../core/csv-columns";
import { BOM, csvCell, csvLines } from "./safe-cell";

/** Rows a page (a chunk of about 350 KB); larger pages were no faster and keep more garbage alive. */
export const EXPORT_PAGE_SIZE = 2000;

/** Cell text of each code of each packed field (code 0: NULL, an empty cell). */
const FIELD_CELLS = PACKED_FIELDS.map((f) => ["", ...f.cells.map(csvCell)]);

/**
 * The packed fields decoded a group at a time: seniority alone (submitted_at follows it), then runs of
 * consecutive fields whose codes multiply to at most 4,096, each with a table of its cells joined by
 * commas for every combined code. Listed least significant first, the order of decoding.
 */
const GROUPS: { size: number; text: string[] }[] = (() => {
  const runs: number[][] = [[0]];
  let run: number[] = [];
  let size = 1;
  for (let i = 1; i < PACKED_FIELDS.length; i++) {
    if (run.length > 0 && size * PACKED_BASES[i]! > 4096) {
      runs.push(run);
      run = [];
      size = 1;
    }
    run.push(i);
    size *= PACKED_BASES[i]!;
  }
  runs.push(run);
  return runs
    .map((fields) => {
      const size = fields.reduce((a, i) => a * PACKED_BASES[i]!, 1);
      const text = Array.from({ length: size }, (_, code) => {
        const cells: string[] = [];
        for (let k = fields.length - 1; k >= 0; k--) {
          const base = PACKED_BASES[fields[k]!]!;
          cells.unshift(FIELD_CELLS[fields[k]!]![code % base]!);
          code = Math.floor(code / base);
        }
        return cells.join(",");
      });
      return { size, text };
    })
    .reverse();
})();

/** "seniority,submitted_at,locale,…,customer_understanding" of one row read by exportResponsesReader. */
function codedCells(packed: number, submittedAt: string): string {
  let rest = "";
  for (let g = 0; g < GROUPS.length - 1; g++) {
    const { size, text } = GROUPS[g]!;
    const code = packed % size;
    packed = (packed - code) / size;
    rest = g === 0 ? text[code]! : `${text[code]!},${rest}`;
  }
  return `${GROUPS[GROUPS.length - 1]!.text[packed]!},${submittedAt},${rest}`;
}

/**
 * The responses CSV as a sequence of text chunks: BOM and header first, then a page of rows at a
 * time, so no export ever holds the whole result in memory. Every cell is written exactly as
 * csvLines (papaparse) writes it: organisation and wave cells once per wave, the coded columns from
 * tables, the free text through csvCell.
 */
export async function* responsesCsvChunks(
  db: Db,
  options: { orgSlug?: string; pageSize?: number; onRows?: (rowsSoFar: number) => void } = {},
): AsyncGenerator<string, number> {
  const pageSize = options.pageSize ?? EXPORT_PAGE_SIZE;
  yield BOM + csvLines([[...RESPONSE_CSV_COLUMNS]]);
  const reader = exportResponsesReader(db, options.orgSlug);
  // wave id → ",slug,name,sector,size_band,label," (escaped); a wave created during the export is looked up when first met.
  const middle = new Map<number, string>();
  const addWaves = (waves: Awaited<ReturnType<typeof exportWaves>>) => {
    for (const [id, ...cells] of waves) middle.set(id, `,${cells.map(csvCell).join(",")},`);
  };
  addWaves(await exportWaves(db, { orgSlug: options.orgSlug }));
  let after: ExportCursor = null;
  let rows = 0;
  for (;;) {
    const page = await reader.page(after, pageSize);
    if (page.length === 0) break;
    let chunk = "";
    for (const r of page) {
      const waveId = r[1] as number;
      let m = middle.get(waveId);
      if (m === undefined) {
        addWaves(await exportWaves(db, { waveId }));
        m = middle.get(waveId);
        if (m === undefined) continue; // no such wave: the join would have dropped the row
      }
      const packed = r[5] as number | null;
      let coded: string;
      if (packed !== null) coded = codedCells(packed, csvCell(r[4]));
      else {
        // A stored value outside its field's set: cell by cell, as papaparse would write it.
        const cells = (await reader.unpacked(r[0] as ExportCursor)).map(csvCell);
        coded = [cells[0], csvCell(r[4]), ...cells.slice(1)].join(",");
      }
      chunk += `${csvCell(r[2])}${m}${csvCell(r[3])},${coded}\r\n`;
      rows++;
    }
    after = page[page.length - 1]![0] as ExportCursor;
    options.onRows?.(rows);
    yield chunk;
  }
  return rows;
}
