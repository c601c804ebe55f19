import type { Db } from "../client";
import { AGG_CAPABILITIES } from "../../core/counters";

const agree = (c: string) => `case r.${c} when 0 then 'dont_know' else cast(r.${c} as text) end as ${c}`;

/** Columns in the responses CSV order (docs/csv-format.md); agreement "don't know" (stored 0) as dont_know. */
const SELECT = [
  "r.id",
  "o.slug",
  "o.name",
  "o.sector",
  "o.size_band",
  "w.label",
  "r.department",
  "r.seniority",
  "r.submitted_at",
  "r.locale",
  ...AGG_CAPABILITIES.map((c) => `r.self_${c}`),
  ...AGG_CAPABILITIES.map((c) => `r.org_${c}`),
  agree("vision"),
  agree("ld_awareness"),
  agree("customer_understanding"),
].join(", ");

/** Where an export page starts: after this key (null: from the first row). */
export type ExportCursor = number | string | null;

/**
 * One page of submitted responses for export, after the given key. Keyset paging instead of an open
 * cursor: better-sqlite3 refuses writes on a connection while a cursor is open, and submissions must
 * keep working during a long export. The key is the rowid on SQLite (insertion order), the response
 * id on PostgreSQL (its primary key; the order of rows is not part of the CSV contract).
 */
export async function exportResponsesPage(db: Db, after: ExportCursor, limit: number, orgSlug?: string): Promise<{ key: ExportCursor; cells: unknown[] }[]> {
  const key = db.dialect === "sqlite" ? "r.rowid" : "r.id";
  const start = after === null ? "" : `and ${key} > ?`;
  const params: unknown[] = [...(after === null ? [] : [after]), ...(orgSlug ? [orgSlug] : []), limit];
  const rows = await db.sql.all<Record<string, unknown>>(
    `select ${key} as export_key, ${SELECT}
     from responses r join waves w on w.id = r.wave_id join organisations o on o.id = w.org_id
     where r.status = 'submitted' ${start} ${orgSlug ? "and o.slug = ?" : ""}
     order by ${key} limit ?`,
    params,
  );
  return rows.map((r) => {
    const cells = Object.values(r);
    return { key: cells[0] as ExportCursor, cells: cells.slice(1) };
  });
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
