import type { Db } from "../client";
import { AGG_CAPABILITIES } from "../../core/counters";

const agree = (c: string) => `case r.${c} when 0 then 'dont_know' else r.${c} end`;

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

/**
 * One page of submitted responses for export, after the given rowid. Keyset paging instead of an open
 * cursor: better-sqlite3 refuses writes on a connection while a cursor is open, and submissions must
 * keep working during a long export.
 */
export function exportResponsesPage(db: Db, afterRowid: number, limit: number, orgSlug?: string): { rowid: number; cells: unknown[] }[] {
  const rows = db.$client
    .prepare(
      `select r.rowid, ${SELECT}
       from responses r join waves w on w.id = r.wave_id join organisations o on o.id = w.org_id
       where r.status = 'submitted' and r.rowid > ? ${orgSlug ? "and o.slug = ?" : ""}
       order by r.rowid limit ?`,
    )
    .raw(true)
    .all(...(orgSlug ? [afterRowid, orgSlug, limit] : [afterRowid, limit])) as unknown[][];
  return rows.map((r) => ({ rowid: r[0] as number, cells: r.slice(1) }));
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
