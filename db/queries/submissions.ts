/*
 * Submissions of a wave over time, and voiding a chosen set of them (lib/admin/submissions.ts holds
 * the rules: what counts as a burst, what may be voided and how it is audited).
 */
import type { Db } from "../client";
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

const SECONDS_TO_SUBMIT = "(julianday(submitted_at) - julianday(created_at)) * 86400.0";

/** Submitted responses of a wave per minute (only minutes with any), oldest first. */
export function submissionsPerMinute(db: Db, waveId: number, fastSeconds: number): MinuteCount[] {
  return db.$client
    .prepare(
      `select substr(submitted_at, 1, 16) minute, count(*) submitted, sum(case when ${SECONDS_TO_SUBMIT} < @fast then 1 else 0 end) fast
       from responses where wave_id = @wave and status = 'submitted'
       group by minute order by minute`,
    )
    .all({ wave: waveId, fast: fastSeconds }) as MinuteCount[];
}

/** Responses of a wave by status (drafts, submitted, voided). */
export function countByStatus(db: Db, waveId: number): { draft: number; submitted: number; voided: number } {
  const rows = db.$client.prepare("select status, count(*) n from responses where wave_id = ? group by status").all(waveId) as { status: string; n: number }[];
  const get = (status: string) => rows.find((r) => r.status === status)?.n ?? 0;
  return { draft: get("draft"), submitted: get("submitted"), voided: get("voided") };
}

/** A set of submissions: those submitted in [from, to), optionally only those submitted within `fasterThanSeconds` of starting. */
export type SubmissionSelection = { waveId: number; from: string; to: string; fasterThanSeconds: number | null };

const SELECTION = `from responses where wave_id = @wave and status = 'submitted' and submitted_at >= @from and submitted_at < @to
  and (@fast is null or ${SECONDS_TO_SUBMIT} < @fast)`;

const params = (s: SubmissionSelection) => ({ wave: s.waveId, from: s.from, to: s.to, fast: s.fasterThanSeconds });

export function countSelection(db: Db, selection: SubmissionSelection): number {
  return db.$client.prepare(`select count(*) ${SELECTION}`).pluck().get(params(selection)) as number;
}

/**
 * Voids the selected submissions in one transaction: each leaves the live aggregates (its counters
 * are kept for the next release's audit), is marked voided, and one audit entry records who did it,
 * how many and `detail`. Nothing is changed when the selection no longer holds `expected` responses
 * (returns the count found instead).
 */
export function voidSelection(
  db: Db,
  selection: SubmissionSelection,
  expected: number,
  audit: { actor: AuditActor; scope: string; detail: string },
): { voided: number } | { changed: number } {
  const sqlite = db.$client;
  const run = sqlite.transaction(() => {
    const ids = sqlite.prepare(`select id ${SELECTION}`).pluck().all(params(selection)) as string[];
    if (ids.length !== expected) return { changed: ids.length };
    const at = new Date().toISOString();
    const mark = sqlite.prepare("update responses set status = 'voided', voided_at = ?, updated_at = ? where id = ? and status = 'submitted'");
    for (const id of ids) {
      voidResponseInAggregates(db, id);
      mark.run(at, at, id);
    }
    recordAudit(db, audit.actor, "responses_voided", audit.scope, ids.length, "completed", audit.detail);
    return { voided: ids.length };
  });
  return run.immediate();
}
