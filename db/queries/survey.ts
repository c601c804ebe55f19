import crypto from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import type { Db } from "../client";
import { organisations, responses, waves, type Organisation, type ResponseRow, type Wave } from "../schema";
import { answersToColumns } from "../item-columns";
import { applyResponseToAggregates } from "./aggregates";
import { spendInvitation } from "./invitations";
import { hashToken, newToken } from "../../core/tokens";
import type { Answers } from "../../core/answers";

export type WaveWithOrg = { wave: Wave; org: Organisation };

export function findWaveByCode(db: Db, code: string): WaveWithOrg | undefined {
  const row = db
    .select({ wave: waves, org: organisations })
    .from(waves)
    .innerJoin(organisations, eq(waves.orgId, organisations.id))
    .where(eq(waves.code, code))
    .get();
  return row ?? undefined;
}

const now = () => new Date().toISOString();

/** Starts a draft response; returns its id and the private token (only its hash is stored). */
export function createDraft(db: Db, waveId: number, locale: string, department: string | null = null): { id: string; token: string } {
  const id = crypto.randomUUID();
  const token = newToken();
  const at = now();
  db.insert(responses)
    .values({ id, waveId, status: "draft", tokenHash: hashToken(token), locale, step: 0, department, createdAt: at, updatedAt: at })
    .run();
  return { id, token };
}

export function findResponseByToken(db: Db, token: string): ResponseRow | undefined {
  if (!token || token.length > 200) return undefined;
  return db.select().from(responses).where(eq(responses.tokenHash, hashToken(token))).get() ?? undefined;
}

/**
 * Moves a draft to the browser that opened its resume link, the way a session id is renewed after
 * sign-in: the stored hash becomes a new token's, so the link's token stops working and only the
 * adopting browser holds the new one. One conditional UPDATE, so of two browsers adopting the same
 * link only one wins. Returns the new token, or undefined when the token opens no draft of the wave.
 */
export function rotateDraftToken(db: Db, waveId: number, token: string): string | undefined {
  if (!token || token.length > 200) return undefined;
  const next = newToken();
  const result = db
    .update(responses)
    .set({ tokenHash: hashToken(next), updatedAt: now() })
    .where(and(eq(responses.tokenHash, hashToken(token)), eq(responses.waveId, waveId), eq(responses.status, "draft")))
    .run();
  return result.changes === 1 ? next : undefined;
}

export type SaveDraftOutcome = "saved" | "not_draft" | "limit_reached";

/**
 * Saves answers of a draft and counts the save in `writes`; a submitted response is never changed.
 * A draft that already has `maxWrites` saves is left as it is ("limit_reached"): the check is part of
 * the one UPDATE, so concurrent saves and several app instances cannot go past it.
 */
export function saveDraft(db: Db, id: string, answers: Answers, step: number, locale: string, maxWrites: number): SaveDraftOutcome {
  const result = db
    .update(responses)
    .set({ ...answersToColumns(answers), step, locale, writes: sql`${responses.writes} + 1`, updatedAt: now() })
    .where(and(eq(responses.id, id), eq(responses.status, "draft"), lt(responses.writes, maxWrites)))
    .run();
  if (result.changes === 1) return "saved";
  const row = db.select({ status: responses.status }).from(responses).where(eq(responses.id, id)).get();
  return row?.status === "draft" ? "limit_reached" : "not_draft";
}

/**
 * Deletes drafts last saved (or started) before `before` (an ISO time), through the
 * responses(status, updated_at) index. Submitted and voided responses are never touched. Returns how
 * many were deleted.
 */
export function deleteDraftsUpdatedBefore(db: Db, before: string): number {
  return db
    .delete(responses)
    .where(and(eq(responses.status, "draft"), lt(responses.updatedAt, before)))
    .run().changes;
}

export type SubmitOutcome =
  | { outcome: "submitted"; reportToken: string }
  | { outcome: "already_submitted" | "not_found" | "invitation_used" };

/**
 * Submits a draft exactly once: the status change is conditional on the row still being a draft,
 * so a double click, a retry or a replayed request finds it submitted and changes nothing.
 *
 * The report is opened by a new secret, not by the resume token: in the same UPDATE the stored hash
 * becomes the report token's, so whoever else held the resume link (another device, or whoever
 * sent it) opens nothing afterwards. Only the submitting request receives the report token.
 */
export function submitDraft(
  db: Db,
  id: string,
  answers: Answers,
  locale: string,
  invitationToken?: string,
): SubmitOutcome {
  try {
    return submitInTransaction(db, id, answers, locale, invitationToken);
  } catch (e) {
    if (e instanceof InvitationUsed) return { outcome: "invitation_used" };
    throw e;
  }
}

/** Thrown inside the transaction so the submission rolls back when its invitation was already used. */
class InvitationUsed extends Error {}

function submitInTransaction(db: Db, id: string, answers: Answers, locale: string, invitationToken?: string): SubmitOutcome {
  return db.transaction((tx): SubmitOutcome => {
    const at = now();
    const reportToken = newToken();
    const result = tx
      .update(responses)
      .set({ ...answersToColumns(answers), locale, status: "submitted", submittedAt: at, updatedAt: at, tokenHash: hashToken(reportToken) })
      .where(and(eq(responses.id, id), eq(responses.status, "draft")))
      .run();
    if (result.changes === 1) {
      if (invitationToken) {
        const row = tx.select({ waveId: responses.waveId }).from(responses).where(eq(responses.id, id)).get()!;
        if (spendInvitation(db, row.waveId, invitationToken) === "already_used") throw new InvitationUsed();
      }
      applyResponseToAggregates(db, id); // same connection, so inside this transaction
      return { outcome: "submitted", reportToken };
    }
    const existing = tx.select({ status: responses.status }).from(responses).where(eq(responses.id, id)).get();
    return { outcome: existing ? "already_submitted" : "not_found" };
  });
}

export function countResponses(db: Db, waveId: number, status: "draft" | "submitted" = "submitted"): number {
  const row = db
    .select({ n: sql<number>`count(*)` })
    .from(responses)
    .where(and(eq(responses.waveId, waveId), eq(responses.status, status)))
    .get();
  return row?.n ?? 0;
}

/** A submitted or draft response with its wave and organisation, found by its private token. */
export function findResponseContext(db: Db, token: string): { response: ResponseRow; wave: Wave; org: Organisation } | undefined {
  const response = findResponseByToken(db, token);
  if (!response) return undefined;
  const row = db
    .select({ wave: waves, org: organisations })
    .from(waves)
    .innerJoin(organisations, eq(waves.orgId, organisations.id))
    .where(eq(waves.id, response.waveId))
    .get();
  return row ? { response, ...row } : undefined;
}
