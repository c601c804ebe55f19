/*
 * Survey stuffing: a wave's submissions over time, the bursts worth a look, and voiding a chosen set
 * (docs/decisions/011-voiding-submissions.md). A voided response stops counting everywhere at once:
 * it leaves the live aggregates in the same transaction, its wave gets a new release audited for what
 * was removed (lib/disclosure/releases.ts), and the audit log records who voided what and why.
 */
import { z } from "zod";
import type { Db } from "../../db/client";
import type { AuditActor } from "../../db/queries/audit";
import { listAuditFor } from "../../db/queries/audit";
import { releaseStatus } from "../../db/queries/releases";
import { countByStatus, countSelection, submissionsPerMinute, voidSelection, type MinuteCount, type SubmissionSelection } from "../../db/queries/submissions";
import type { AuditEntry, Organisation, Wave } from "../../db/schema";
import { currentRelease } from "../disclosure/releases";
import { minimumGroupSize } from "../../core/disclosure/threshold";
import { ADMIN_MESSAGES, type AdminMessages } from "../i18n/admin-messages";
import { format } from "../i18n/messages";
import { fieldsOf, type FormResult } from "./organisations";

/** A response submitted this soon after its draft was started was hardly read: 20 questions take longer. */
export const FAST_SECONDS = 30;
/** A minute is a burst when it has at least this many submissions… */
export const BURST_MIN_SUBMISSIONS = 10;
/** …and this many times the wave's usual (median) submissions per active minute. */
export const BURST_FACTOR = 5;
/** A minute with this many fast submissions is worth a look whatever the rate. */
export const FAST_MIN_SUBMISSIONS = 5;

export type Burst = {
  /** First minute (inclusive) and the minute after the last (exclusive), ISO UTC. */
  from: string;
  to: string;
  submitted: number;
  fast: number;
};

export type SubmissionActivity = {
  counts: { draft: number; submitted: number; voided: number };
  fast: number;
  /** Median submissions per minute with any. */
  usualPerMinute: number;
  busiestMinute: MinuteCount | null;
  bursts: Burst[];
  /** Earlier voids of this wave, newest first. */
  voids: AuditEntry[];
};

const minuteStart = (minute: string) => `${minute}:00.000Z`;
const minuteAfter = (minute: string) => new Date(Date.parse(minuteStart(minute)) + 60_000).toISOString();

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Minutes that stand out (many more submissions than usual, or many fast ones), adjacent ones merged. */
export function findBursts(minutes: readonly MinuteCount[]): Burst[] {
  const usual = median(minutes.map((m) => m.submitted));
  const flagged = minutes.filter((m) => (m.submitted >= BURST_MIN_SUBMISSIONS && m.submitted >= BURST_FACTOR * usual) || m.fast >= FAST_MIN_SUBMISSIONS);
  const bursts: Burst[] = [];
  for (const m of flagged) {
    const last = bursts.at(-1);
    if (last && last.to === minuteStart(m.minute)) {
      last.to = minuteAfter(m.minute);
      last.submitted += m.submitted;
      last.fast += m.fast;
    } else {
      bursts.push({ from: minuteStart(m.minute), to: minuteAfter(m.minute), submitted: m.submitted, fast: m.fast });
    }
  }
  return bursts;
}

export async function submissionActivity(db: Db, org: Organisation, wave: Wave): Promise<SubmissionActivity> {
  const minutes = await submissionsPerMinute(db, wave.id, FAST_SECONDS);
  const busiest = minutes.reduce<MinuteCount | null>((a, m) => (!a || m.submitted > a.submitted ? m : a), null);
  return {
    counts: await countByStatus(db, wave.id),
    fast: minutes.reduce((a, m) => a + m.fast, 0),
    usualPerMinute: median(minutes.map((m) => m.submitted)),
    busiestMinute: busiest,
    bursts: findBursts(minutes),
    voids: await listAuditFor(db, "responses_voided", auditScope(org, wave), 20),
  };
}

const auditScope = (org: Organisation, wave: Wave) => `${org.slug}/${wave.label}`;

/** "2026-11-28T08:15" (a datetime-local field, read as UTC) or a full ISO time, as an ISO UTC time. */
function utcTime(message: string) {
  return z
    .string()
    .trim()
    .transform((s) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(s) ? `${s}:00Z` : s))
    .refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/.test(s) && !Number.isNaN(Date.parse(s)), message)
    .transform((s) => new Date(s).toISOString());
}

export function voidSchema(m: AdminMessages = ADMIN_MESSAGES.en) {
  const v = m.validation;
  return z
    .object({
      from: utcTime(v.voidTime),
      to: utcTime(v.voidTime),
      fast: z.enum(["", "on"], { error: v.voidFast }).transform((s) => s === "on"),
      reason: z.string().trim().min(5, v.voidReason).max(500, format(v.maxChars, { max: 500 })),
    })
    .refine((s) => s.from < s.to, { path: ["to"], message: v.voidOrder });
}

export type VoidInput = { from: string; to: string; fast: string; reason: string };

function selectionOf(wave: Wave, input: z.output<ReturnType<typeof voidSchema>>): SubmissionSelection {
  return { waveId: wave.id, from: input.from, to: input.to, fasterThanSeconds: input.fast ? FAST_SECONDS : null };
}

/** How many submissions the form's window would void (the reason is checked too, so the admin learns every problem at once). */
export async function previewVoid(db: Db, wave: Wave, input: VoidInput, m: AdminMessages = ADMIN_MESSAGES.en): Promise<FormResult<{ matching: number }>> {
  const parsed = voidSchema(m).safeParse(input);
  if (!parsed.success) return { ok: false, fields: fieldsOf(parsed.error) };
  return { ok: true, value: { matching: await countSelection(db, selectionOf(wave, parsed.data)) } };
}

/**
 * Voids the submissions in the form's window, when they are still the `expected` number the admin
 * saw in the preview; then releases the wave's figures without them (when the audit allows).
 */
export async function voidSubmissions(
  db: Db,
  org: Organisation,
  wave: Wave,
  input: VoidInput,
  expected: number,
  actor: AuditActor,
  m: AdminMessages = ADMIN_MESSAGES.en,
): Promise<FormResult<{ voided: number; released: boolean }>> {
  const parsed = voidSchema(m).safeParse(input);
  if (!parsed.success) return { ok: false, fields: fieldsOf(parsed.error) };
  if (!Number.isInteger(expected) || expected < 1) return { ok: false, fields: { form: m.validation.voidNothing } };
  const { from, to, fast, reason } = parsed.data;
  const detail = `submitted from ${from} to ${to} (UTC)${fast ? `, within ${FAST_SECONDS} s of starting` : ""}; reason: ${reason}`;
  const result = await voidSelection(db, selectionOf(wave, parsed.data), expected, { actor, scope: auditScope(org, wave), detail });
  if ("changed" in result) return { ok: false, fields: { form: format(m.validation.voidChanged, { n: result.changed, expected }) } };
  const before = (await releaseStatus(db, wave.id)).seq;
  const after = (await currentRelease(db, wave.id, minimumGroupSize()))?.seq ?? null;
  return { ok: true, value: { voided: result.voided, released: after !== before } };
}
