import type { Db } from "../client";
import { AGG_CAPABILITIES } from "../../core/counters";
import { LOCALES, ORG_ANSWERS, SENIORITIES } from "../../questions/constants";

const agree = (c: string) => `case r.${c} when 0 then 'dont_know' else r.${c} end`;

/**
 * The coded columns of the responses CSV after department (docs/csv-format.md), in CSV order:
 * seniority, then (after submitted_at) locale, self_…, org_…, vision, ld_awareness,
 * customer_understanding. Each has a closed set of stored values; code 0 is NULL (an empty cell), code
 * i ≥ 1 is stored[i - 1], written as cells[i - 1] (agreement "don't know" is stored 0, written dont_know).
 */
export const PACKED_FIELDS: readonly { column: string; stored: readonly (string | number)[]; cells: readonly (string | number)[] }[] = [
  { column: "seniority", stored: SENIORITIES, cells: SENIORITIES },
  { column: "locale", stored: LOCALES, cells: LOCALES },
  ...AGG_CAPABILITIES.map((c) => ({ column: `self_${c}`, stored: [1, 2, 3, 4, 5], cells: [1, 2, 3, 4, 5] })),
  ...AGG_CAPABILITIES.map((c) => ({ column: `org_${c}`, stored: ORG_ANSWERS, cells: ORG_ANSWERS })),
  ...["vision", "ld_awareness", "customer_understanding"].map((c) => ({ column: c, stored: [0, 1, 2, 3, 4, 5], cells: ["dont_know", 1, 2, 3, 4, 5] })),
];

/** The number of codes of each packed field (its values and NULL). */
export const PACKED_BASES = PACKED_FIELDS.map((f) => f.stored.length + 1);
if (PACKED_BASES.reduce((a, b) => a * b, 1) > Number.MAX_SAFE_INTEGER) throw new Error("the packed export columns do not fit a safe integer");

const literal = (v: string | number) => (typeof v === "number" ? String(v) : `'${v.replace(/'/g, "''")}'`);

/**
 * The coded columns as one integer, most significant field first (Horner: ((c0 × b1 + c1) × b2 + c2) …);
 * NULL when any stored value is outside its field's set, so that row is read cell by cell instead.
 * Reading one integer instead of 21 values is most of what makes the export fast: creating a
 * JavaScript value per cell costs more than SQLite's whole scan.
 */
const PACKED = PACKED_FIELDS.reduce((sql, f, i) => {
  const code = `case when r.${f.column} is null then 0 ${f.stored.map((v, k) => `when r.${f.column} = ${literal(v)} then ${k + 1}`).join(" ")} end`;
  return i === 0 ? code : `(${sql}) * ${PACKED_BASES[i]} + ${code}`;
}, "");

/** The coded columns as cells, for a row whose packed value is NULL. */
const UNPACKED = PACKED_FIELDS.map((f) => (f.stored.includes(0) ? agree(f.column) : `r.${f.column}`)).join(", ");

const ORG_WAVES = "select w.id from waves w join organisations o on o.id = w.org_id where o.slug = ?";

/**
 * A reader of submitted responses for export, a page at a time after a rowid, in rowid order. Each
 * row is [rowid, wave_id, id, department, submitted_at, packed]: packed codes the other response
 * columns (PACKED_FIELDS; NULL: read them with the unpacked reader), and the organisation and wave
 * columns are looked up once per wave (exportWaves) instead of joined on every row.
 *
 * Keyset paging instead of an open cursor: better-sqlite3 refuses writes on a connection while a
 * cursor is open, and submissions must keep working during a long export. The whole-table reader
 * walks the rowid b-tree (`not indexed`): without it SQLite picks the status index and sorts all
 * submitted responses again for every page.
 */
export function exportResponsesReader(db: Db, orgSlug?: string): { page: (afterRowid: number, limit: number) => unknown[][]; unpacked: (rowid: number) => unknown[] } {
  const columns = `r.rowid, r.wave_id, r.id, r.department, r.submitted_at, ${PACKED}`;
  const statement = db.$client
    .prepare(
      orgSlug
        ? `select ${columns} from responses r
           where r.status = 'submitted' and r.wave_id in (${ORG_WAVES}) and r.rowid > ? order by r.rowid limit ?`
        : `select ${columns} from responses r not indexed
           where r.status = 'submitted' and r.rowid > ? order by r.rowid limit ?`,
    )
    .raw(true);
  const one = db.$client.prepare(`select ${UNPACKED} from responses r where r.rowid = ?`).raw(true);
  return {
    page: orgSlug ? (afterRowid, limit) => statement.all(orgSlug, afterRowid, limit) as unknown[][] : (afterRowid, limit) => statement.all(afterRowid, limit) as unknown[][],
    unpacked: (rowid) => one.get(rowid) as unknown[],
  };
}

/** [wave id, org slug, org name, sector, size band, wave label] of every wave, of one organisation's, or of one wave. */
export function exportWaves(db: Db, filter: { orgSlug?: string; waveId?: number } = {}): [number, string, string, string, string, string][] {
  const where = filter.waveId !== undefined ? "where w.id = ?" : filter.orgSlug !== undefined ? "where o.slug = ?" : "";
  const params = filter.waveId !== undefined ? [filter.waveId] : filter.orgSlug !== undefined ? [filter.orgSlug] : [];
  return db.$client
    .prepare(`select w.id, o.slug, o.name, o.sector, o.size_band, w.label from waves w join organisations o on o.id = w.org_id ${where}`)
    .raw(true)
    .all(...params) as [number, string, string, string, string, string][];
}

export function countSubmitted(db: Db, orgSlug?: string): number {
  const row = db.$client
    .prepare(
      `select count(*) n from responses r join waves w on w.id = r.wave_id join organisations o on o.id = w.org_id
       where r.status = 'submitted' ${orgSlug ? "and o.slug = ?" : ""}`,
    )
    .get(...(orgSlug ? [orgSlug] : [])) as { n: number };
  return row.n;
}
