import crypto from "node:crypto";
import { transaction, type Db } from "../client";
import { fromRow, insertStatement, setClause } from "../sql/rows";
import { organisations, responses, waves, type Organisation, type ResponseRow, type Wave } from "../schema";
import { answersToColumns, assignmentToColumns } from "../item-columns";
import type { CheckAssignment } from "../../core/checks";
import { applyResponseToAggregates } from "./aggregates";
import { spendInvitation } from "./invitations";
import { hashToken, newToken } from "../../core/tokens";
import type { Answers } from "../../core/answers";

export type WaveWithOrg = { wave: Wave; org: Organisation };

async function waveWithOrg(db: Db, where: string, param: unknown): Promise<WaveWithOrg | undefined> {
  const wave = await db.sql.get(`select * from waves where ${where} = ?`, [param]);
  if (!wave) return undefined;
  const org = await db.sql.get("select * from organisations where id = ?", [wave.org_id]);
  return org ? { wave: fromRow(waves, wave), org: fromRow(organisations, org) } : undefined;
}

export function findWaveByCode(db: Db, code: string): Promise<WaveWithOrg | undefined> {
  return waveWithOrg(db, "code", code);
}

const now = () => new Date().toISOString();

/**
 * Starts a draft response, with the knowledge checks drawn for it (v2); returns its id and the
 * private token (only its hash is stored).
 */
export async function createDraft(
  db: Db,
  waveId: number,
  locale: string,
  department: string | null = null,
  checks: CheckAssignment = {},
): Promise<{ id: string; token: string }> {
  const id = crypto.randomUUID();
  const token = newToken();
  const at = now();
  const { text, params } = insertStatement(
    responses,
    { id, waveId, status: "draft", tokenHash: hashToken(token), locale, step: 0, department, createdAt: at, updatedAt: at, ...assignmentToColumns(checks) },
    { returning: false },
  );
  await db.sql.run(text, params);
  return { id, token };
}

export async function findResponseByToken(db: Db, token: string): Promise<ResponseRow | undefined> {
  if (!token || token.length > 200) return undefined;
  const row = await db.sql.get("select * from responses where token_hash = ?", [hashToken(token)]);
  return row && fromRow(responses, row);
}

/**
 * Moves a draft to the browser that opened its resume link, the way a session id is renewed after
 * sign-in: the stored hash becomes a new token's, so the link's token stops working and only the
 * adopting browser holds the new one. One conditional UPDATE, so of two browsers adopting the same
 * link only one wins. Returns the new token, or undefined when the token opens no draft of the wave.
 */
export async function rotateDraftToken(db: Db, waveId: number, token: string): Promise<string | undefined> {
  if (!token || token.length > 200) return undefined;
  const next = newToken();
  const result = await db.sql.run("update responses set token_hash = ?, updated_at = ? where token_hash = ? and wave_id = ? and status = 'draft'", [
    hashToken(next),
    now(),
    hashToken(token),
    waveId,
  ]);
  return result.changes === 1 ? next : undefined;
}

export type SaveDraftOutcome = "saved" | "not_draft" | "limit_reached";

/**
 * Saves answers of a draft and counts the save in `writes`; a submitted response is never changed.
 * A draft that already has `maxWrites` saves is left as it is ("limit_reached"): the check is part of
 * the one UPDATE, so concurrent saves and several app instances cannot go past it.
 */
export async function saveDraft(db: Db, id: string, answers: Answers, step: number, locale: string, maxWrites: number): Promise<SaveDraftOutcome> {
  const set = setClause(responses, { ...answersToColumns(answers), step, locale, updatedAt: now() });
  const result = await db.sql.run(`update responses set ${set.text}, writes = writes + 1 where id = ? and status = 'draft' and writes < ?`, [...set.params, id, maxWrites]);
  if (result.changes === 1) return "saved";
  const status = await db.sql.value<string>("select status from responses where id = ?", [id]);
  return status === "draft" ? "limit_reached" : "not_draft";
}

/**
 * Deletes drafts last saved (or started) before `before` (an ISO time), through the
 * responses(status, updated_at) index. Submitted and voided responses are never touched. Returns how
 * many were deleted.
 */
export async function deleteDraftsUpdatedBefore(db: Db, before: string): Promise<number> {
  return (await db.sql.run("delete from responses where status = 'draft' and updated_at < ?", [before])).changes;
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
 *
 * The status change, the spent invitation and the aggregates are one transaction on both databases.
 */
export async function submitDraft(db: Db, id: string, answers: Answers, locale: string, invitationToken?: string): Promise<SubmitOutcome> {
  try {
    return await submitInTransaction(db, id, answers, locale, invitationToken);
  } catch (e) {
    if (e instanceof InvitationUsed) return { outcome: "invitation_used" };
    throw e;
  }
}

/** Thrown inside the transaction so the submission rolls back when its invitation was already used. */
class InvitationUsed extends Error {}

function submitInTransaction(db: Db, id: string, answers: Answers, locale: string, invitationToken?: string): Promise<SubmitOutcome> {
  return transaction(db, async (tx): Promise<SubmitOutcome> => {
    const at = now();
    const reportToken = newToken();
    const set = setClause(responses, { ...answersToColumns(answers), locale, status: "submitted", submittedAt: at, updatedAt: at, tokenHash: hashToken(reportToken) });
    const result = await tx.sql.run(`update responses set ${set.text} where id = ? and status = 'draft'`, [...set.params, id]);
    if (result.changes === 1) {
      if (invitationToken) {
        const waveId = (await tx.sql.value<number>("select wave_id from responses where id = ?", [id]))!;
        if ((await spendInvitation(tx, waveId, invitationToken)) === "already_used") throw new InvitationUsed();
      }
      await applyResponseToAggregates(tx, id);
      return { outcome: "submitted", reportToken };
    }
    const existing = await tx.sql.value<string>("select status from responses where id = ?", [id]);
    return { outcome: existing !== undefined ? "already_submitted" : "not_found" };
  });
}

export async function countResponses(db: Db, waveId: number, status: "draft" | "submitted" = "submitted"): Promise<number> {
  return (await db.sql.value<number>("select count(*) from responses where wave_id = ? and status = ?", [waveId, status])) ?? 0;
}

/** A submitted or draft response with its wave and organisation, found by its private token. */
export async function findResponseContext(db: Db, token: string): Promise<{ response: ResponseRow; wave: Wave; org: Organisation } | undefined> {
  const response = await findResponseByToken(db, token);
  if (!response) return undefined;
  const found = await waveWithOrg(db, "id", response.waveId);
  return found ? { response, ...found } : undefined;
}
