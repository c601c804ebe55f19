/*
 * Submissions of a wave over time, and voiding a chosen set of them (lib/admin/submissions.ts holds
 * the rules: what counts as a burst, what may be voided and how it is audited).
 */
import { transaction, type Db } from "../client";
import { secondsBetween } from "../sql/dialect";
import { lockWave } from "./locks";
import { voidResponseInAggregates } from "./aggregates";
import { recordAudit, type AuditActor } from "./audit";

export type MinuteCount = {
  /** The minute, "YYYY-MM-DDTHH:MM" (UTC). */
  minute: string;
  /** Responses submitted in it. */
  submitted: number;
  /** Of those, responses submitted within `fastSeconds` of their draft being started. */
  fast: number;
};

const secondsToSubmit = (db: Db) => secondsBetween(db.dialect, "created_at", "submitted_at");

/** Submitted responses of a wave per minute (only minutes with any), oldest first. */
export async function submissionsPerMinute(db: Db, waveId: number, fastSeconds: number): Promise<MinuteCount[]> {
  return db.sql.all<MinuteCount>(
    `select substr(submitted_at, 1, 16) as minute, count(*) as submitted, sum(case when ${secondsToSubmit(db)} < ? then 1 else 0 end) fast
     from responses where wave_id = ? and status = 'submitted'
     group by substr(submitted_at, 1, 16) order by minute`,
    [fastSeconds, waveId],
  );
}

/** Responses of a wave by status (drafts, submitted, voided). */
export async function countByStatus(db: Db, waveId: number): Promise<{ draft: number; submitted: number; voided: number }> {
  const rows = await db.sql.all<{ status: string; n: number }>("select status, count(*) n from responses where wave_id = ? group by status", [waveId]);
  const get = (status: string) => rows.find((r) => r.status === status)?.n ?? 0;
  return { draft: get("draft"), submitted: get("submitted"), voided: get("voided") };
}

/** A set of submissions: those submitted in [from, to), optionally only those submitted within `fasterThanSeconds` of starting. */
export type SubmissionSelection = { waveId: number; from: string; to: string; fasterThanSeconds: number | null };

function selectionWhere(db: Db, s: SubmissionSelection): { where: string; params: unknown[] } {
  const where = "from responses where wave_id = ? and status = 'submitted' and submitted_at >= ? and submitted_at < ?";
  const params: unknown[] = [s.waveId, s.from, s.to];
  if (s.fasterThanSeconds === null) return { where, params };
  return { where: `${where} and ${secondsToSubmit(db)} < ?`, params: [...params, s.fasterThanSeconds] };
}

export async function countSelection(db: Db, selection: SubmissionSelection): Promise<number> {
  const { where, params } = selectionWhere(db, selection);
  return (await db.sql.value<number>(`select count(*) ${where}`, params)) ?? 0;
}

/**
 * Voids the selected submissions in one transaction: each leaves the live aggregates (its counters
 * are kept for the next release's audit), is marked voided, and one audit entry records who did it,
 * how many and `detail`. Nothing is changed when the selection no longer holds `expected` responses
 * (returns the count found instead).
 */
export async function voidSelection(
  db: Db,
  selection: SubmissionSelection,
  expected: number,
  audit: { actor: AuditActor; scope: string; detail: string },
): Promise<{ voided: number } | { changed: number }> {
  return transaction(db, async (tx) => {
    await lockWave(tx, selection.waveId);
    const { where, params } = selectionWhere(tx, selection);
    const ids = await tx.sql.column<string>(`select id ${where} order by id`, params);
    if (ids.length !== expected) return { changed: ids.length };
    const at = new Date().toISOString();
    for (const id of ids) {
      await voidResponseInAggregates(tx, id);
      await tx.sql.run("update responses set status = 'voided', voided_at = ?, updated_at = ? where id = ? and status = 'submitted'", [at, at, id]);
    }
    await recordAudit(tx, audit.actor, "responses_voided", audit.scope, ids.length, "completed", audit.detail);
    return { voided: ids.length };
  });
}
