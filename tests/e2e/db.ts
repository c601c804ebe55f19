import Database from "better-sqlite3";
import { E2E_DB } from "./env";

/** Read-only look into the e2e server's database, to check what was really stored. */
export function query<T = Record<string, unknown>>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(E2E_DB, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

export function countResponses(code: string, status: "draft" | "submitted" | "any" = "submitted"): number {
  const rows = query<{ n: number }>(
    `select count(*) n from responses r join waves w on w.id = r.wave_id where w.code = ? and (? = 'any' or r.status = ?)`,
    code,
    status,
    status,
  );
  return rows[0]?.n ?? 0;
}

export function snapshotResponses(code: string): string {
  return JSON.stringify(query(`select r.* from responses r join waves w on w.id = r.wave_id where w.code = ? order by r.id`, code));
}
