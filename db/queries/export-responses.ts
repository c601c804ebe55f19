import type { Db } from "../client";
import { AGG_CAPABILITIES } from "../../core/counters";
import { LOCALES, ORG_ANSWERS, SENIORITIES } from "../../questions/constants";

const agree = (c: string) => `case r.${c} when 0 then 'dont_know' else cast(r.${c} as text) end as ${c}`;

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
  // 64-bit from the first field on: PostgreSQL's integer arithmetic would overflow 32 bits.
  return i === 0 ? `cast(${code} as bigint)` : `(${sql}) * ${PACKED_BASES[i]} + ${code}`;
}, "");

/** The coded columns as cells, for a row whose packed value is NULL. */
const UNPACKED = PACKED_FIELDS.map((f) => (f.stored.includes(0) ? agree(f.column) : `r.${f.column}`)).join(", ");

const ORG_WAVES = "select w.id from waves w join organisations o on o.id = w.org_id where o.slug = ?";

/** Where an export page starts: after this key (null: from the first row). */
export type ExportCursor = number | string | null;

export type ExportReader = {
  /** Rows [key, wave_id, id, department, submitted_at, packed] after `after`, in key order. */
  page: (after: ExportCursor, limit: number) => Promise<unknown[][]>;
  /** The coded columns of one row as cells (for a row whose packed value is NULL). */
  unpacked: (key: ExportCursor) => Promise<unknown[]>;
};

/**
 * A reader of submitted responses for export, a page at a time after a key, in key order. Each
 * row is [key, wave_id, id, department, submitted_at, packed]: packed codes the other response
 * columns (PACKED_FIELDS; NULL: read them with the unpacked reader), and the organisation and wave
 * columns are looked up once per wave (exportWaves) instead of joined on every row.
 *
 * Keyset paging instead of an open cursor: better-sqlite3 refuses writes on a connection while a
 * cursor is open, and submissions must keep working during a long export. On SQLite the key is the
 * rowid and the whole-table reader walks the rowid b-tree (`not indexed`): without it SQLite picks
 * the status index and sorts all submitted responses again for every page; its pages are read with
 * better-sqlite3's raw rows in the connection's turn (db/sql/sqlite.ts). On PostgreSQL the key is
 * the response id, its primary key (the order of rows is not part of the CSV contract).
 */
export function exportResponsesReader(db: Db, orgSlug?: string): ExportReader {
  if (db.dialect === "sqlite") {
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
      page: (after, limit) => db.withConnection(() => statement.all(...(orgSlug ? [orgSlug] : []), after ?? 0, limit) as unknown[][]),
      unpacked: (key) => db.withConnection(() => one.get(key) as unknown[]),
    };
  }
  const columns = `r.id as k, r.wave_id, r.id, r.department, r.submitted_at, ${PACKED} as packed`;
  return {
    page: async (after, limit) => {
      const where = [`r.status = 'submitted'`, ...(orgSlug ? [`r.wave_id in (${ORG_WAVES})`] : []), ...(after === null ? [] : ["r.id > ?"])];
      const params = [...(orgSlug ? [orgSlug] : []), ...(after === null ? [] : [after]), limit];
      const rows = await db.sql.all<Record<string, unknown>>(`select ${columns} from responses r where ${where.join(" and ")} order by r.id limit ?`, params);
      return rows.map((r) => [r.k, r.wave_id, r.id, r.department, r.submitted_at, r.packed]);
    },
    unpacked: async (key) => Object.values((await db.sql.get<Record<string, unknown>>(`select ${UNPACKED} from responses r where r.id = ?`, [key]))!),
  };
}

/** [wave id, org slug, org name, sector, size band, wave label] of every wave, of one organisation's, or of one wave. */
export async function exportWaves(db: Db, filter: { orgSlug?: string; waveId?: number } = {}): Promise<[number, string, string, string, string, string][]> {
  const where = filter.waveId !== undefined ? "where w.id = ?" : filter.orgSlug !== undefined ? "where o.slug = ?" : "";
  const params = filter.waveId !== undefined ? [filter.waveId] : filter.orgSlug !== undefined ? [filter.orgSlug] : [];
  const rows = await db.sql.all<{ id: number; slug: string; name: string; sector: string; size_band: string; label: string }>(
    `select w.id, o.slug, o.name, o.sector, o.size_band, w.label from waves w join organisations o on o.id = w.org_id ${where}`,
    params,
  );
  return rows.map((r) => [r.id, r.slug, r.name, r.sector, r.size_band, r.label]);
}

export async function countSubmitted(db: Db, orgSlug?: string): Promise<number> {
  return (
    (await db.sql.value<number>(
      `select count(*) from responses r join waves w on w.id = r.wave_id join organisations o on o.id = w.org_id
       where r.status = 'submitted' ${orgSlug ? "and o.slug = ?" : ""}`,
      orgSlug ? [orgSlug] : [],
    )) ?? 0
  );
}
