import { currentRelease } from "../disclosure/releases";
import { minimumGroupSize } from "../../core/disclosure/threshold";
import { z } from "zod";
import type { Db } from "../../db/client";
import crypto from "node:crypto";
import { columnsToAnswers, columnsToAssignment } from "../../db/item-columns";
import { retiredCheckIds } from "../../db/queries/checks";
import { drawChecks } from "../../core/checks";
import { checkItem, publicCheck, type PublicCheck } from "../../questions/check-bank";
import {
  createDraft,
  findResponseByToken,
  findWaveByCode,
  rotateDraftToken,
  saveDraft,
  submitDraft,
  type WaveWithOrg,
} from "../../db/queries/survey";
import { findInvitationByToken } from "../../db/queries/invitations";
import type { ResponseRow } from "../../db/schema";
import { getQuestionnaire, hasChecks, LOCALES, type Locale, type Questionnaire } from "../../questions";
import { AppError } from "../../core/errors";
import { fieldsFromZod } from "../../core/field-errors";
import { missingItems, validateAnswers, type Answers } from "../../core/answers";
import { RESUME_HEADER } from "../../core/survey-cookie-names";
import { DRAFT_MAX_SAVES } from "./limits";

export const CODE_PATTERN = /^[A-Za-z0-9_-]{3,64}$/;
export { invitationCookieName, RESUME_HEADER, resumeCookieName } from "../../core/survey-cookie-names";

export type WaveAvailability = "open" | "closed" | "not_yet_open";

export function waveAvailability(wave: WaveWithOrg["wave"], at = new Date()): WaveAvailability {
  if (wave.status !== "open") return "closed";
  if (wave.opensAt && new Date(wave.opensAt) > at) return "not_yet_open";
  if (wave.closesAt && new Date(wave.closesAt) <= at) return "closed";
  return "open";
}

export async function lookupWave(db: Db, code: string): Promise<WaveWithOrg | undefined> {
  return CODE_PATTERN.test(code) ? await findWaveByCode(db, code) : undefined;
}

/** The wave behind a code, only while it accepts answers. */
export async function requireOpenWave(db: Db, code: string): Promise<WaveWithOrg & { questionnaire: Questionnaire }> {
  const found = await lookupWave(db, code);
  if (!found || found.org.archivedAt) throw new AppError("not_found", "There is no survey with this code");
  const availability = waveAvailability(found.wave);
  if (availability !== "open") {
    throw new AppError("survey_closed", availability === "closed" ? "This survey is closed" : "This survey has not opened yet");
  }
  return { ...found, questionnaire: getQuestionnaire(found.wave.questionnaireVersion) };
}

export type DraftState = {
  status: ResponseRow["status"];
  step: number;
  locale: string;
  answers: Answers;
  /** Set while a draft: the token opens the draft. */
  resumeUrl: string | null;
  /** Set once submitted: the token is then the report token (a new secret made at submission). */
  reportUrl: string | null;
  /**
   * The knowledge checks drawn for this draft (v2), by answer slot, worded in `locale`: the stem and
   * the options only, never the answer key or the explanation. Empty once submitted and in v1.
   */
  checks: Record<string, PublicCheck>;
};

function publicChecks(row: ResponseRow, locale: string): Record<string, PublicCheck> {
  const wording = (LOCALES as readonly string[]).includes(locale) ? (locale as Locale) : "en";
  const out: Record<string, PublicCheck> = {};
  for (const [slot, itemId] of Object.entries(columnsToAssignment(row))) {
    const item = checkItem(itemId);
    if (item) out[slot] = publicCheck(item, wording);
  }
  return out;
}

/** The state of a response as its owner sees it; checks are worded in `locale` (default: the draft's). */
export function draftState(row: ResponseRow, code: string, token: string, locale: string = row.locale): DraftState {
  const submitted = row.status === "submitted";
  return {
    status: row.status,
    step: row.step,
    locale: row.locale,
    answers: columnsToAnswers(row),
    resumeUrl: submitted ? null : `/s/${code}/resume/${token}`,
    reportUrl: submitted ? `/report/${token}` : null,
    checks: row.status === "draft" ? publicChecks(row, locale) : {},
  };
}

/** The response a token opens, only within the wave of this code. */
export async function requireResponse(db: Db, waveId: number, token: string | undefined): Promise<ResponseRow> {
  const row = token ? await findResponseByToken(db, token) : undefined;
  if (!row || row.waveId !== waveId) {
    throw new AppError(
      "unauthorized",
      `No draft found: send the resume token in the ${RESUME_HEADER} header or start a new response (a resume token stops working when its response is submitted or its resume link is opened in another browser)`,
    );
  }
  return row;
}

/**
 * Adopts the draft behind a resume link in this browser: returns the draft's new token (the link's
 * token stops working), or undefined when the link opens no draft of this survey.
 */
export async function adoptDraft(db: Db, code: string, token: string): Promise<string | undefined> {
  const found = await lookupWave(db, code);
  return found ? await rotateDraftToken(db, found.wave.id, token) : undefined;
}

const localeSchema = z.enum(LOCALES, { error: `must be one of: ${LOCALES.join(", ")}` });

function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new AppError("validation_failed", "The request has invalid fields", fieldsFromZod(parsed.error));
  return parsed.data;
}

/**
 * Validates the request envelope and the answers in one pass, so a client learns about every bad
 * field at once, and throws before anything is written.
 */
function parseWithAnswers<T extends z.ZodType>(
  schema: T,
  body: Record<string, unknown>,
  q: Questionnaire,
  departments: string[],
): { input: z.infer<T>; answers: Answers } {
  const envelope = schema.safeParse(body);
  const fields = new Map(Object.entries(envelope.success ? {} : fieldsFromZod(envelope.error)));
  let answers: Answers = {};
  if (body.answers !== undefined) {
    const result = validateAnswers(q, departments, body.answers);
    if (result.ok) answers = result.answers;
    else for (const [k, v] of Object.entries(result.fields)) fields.set(k === "answers" ? k : `answers.${k}`, v);
  }
  if (fields.size > 0 || !envelope.success) {
    const onlyAnswers = [...fields.keys()].every((k) => k.startsWith("answers"));
    throw new AppError("validation_failed", onlyAnswers ? "Some answers are not valid" : "The request has invalid fields", Object.fromEntries(fields));
  }
  return { input: envelope.data, answers };
}

export const startBodySchema = z.object({ locale: localeSchema.optional() }).strict();

export async function startResponse(db: Db, code: string, body: unknown, fallbackLocale: string, invitationToken?: string): Promise<{ token: string; state: DraftState }> {
  const { org, wave, questionnaire } = await requireOpenWave(db, code);
  const { locale } = parseBody(startBodySchema, body);
  // A roster's department is a starting answer the respondent can change; the draft keeps no
  // reference to the invitation.
  const invited = invitationToken ? await findInvitationByToken(db, invitationToken) : undefined;
  const department = invited && invited.wave.id === wave.id && invited.invitation.department && org.departments.includes(invited.invitation.department) ? invited.invitation.department : null;
  // Drawn per respondent, so colleagues rarely get the same checks (core/checks.ts).
  const checks = hasChecks(questionnaire) ? drawChecks(questionnaire, await retiredCheckIds(db), (n) => crypto.randomInt(n)) : {};
  const { id, token } = await createDraft(db, wave.id, locale ?? fallbackLocale, department, checks);
  const row = await findResponseByToken(db, token);
  if (!row || row.id !== id) throw new AppError("internal", "The draft could not be created");
  return { token, state: draftState(row, code, token) };
}

export function saveBodySchema(stepCount: number) {
  return z
    .object({
      answers: z.unknown().optional(),
      step: z
        .number({ error: `must be a whole number from 0 to ${stepCount}` })
        .int(`must be a whole number from 0 to ${stepCount}`)
        .min(0, `must be a whole number from 0 to ${stepCount}`)
        .max(stepCount, `must be a whole number from 0 to ${stepCount}`),
      locale: localeSchema.optional(),
    })
    .strict();
}

export async function saveAnswers(db: Db, code: string, token: string | undefined, body: Record<string, unknown>): Promise<DraftState> {
  const { org, wave, questionnaire } = await requireOpenWave(db, code);
  const row = await requireResponse(db, wave.id, token);
  const { input, answers } = parseWithAnswers(saveBodySchema(questionnaire.steps.length), body, questionnaire, org.departments);
  if (row.status !== "draft") throw new AppError("conflict", "This response was already submitted and can no longer change");
  if ((await saveDraft(db, row.id, answers, input.step, input.locale ?? row.locale, DRAFT_MAX_SAVES)) === "limit_reached") {
    throw new AppError(
      "draft_save_limit",
      `This draft has been saved ${DRAFT_MAX_SAVES} times, the most a draft accepts; nothing was saved. Submit it or start a new response`,
    );
  }
  return draftState((await findResponseByToken(db, token!))!, code, token!);
}

export const submitBodySchema = z.object({ answers: z.unknown().optional(), locale: localeSchema.optional() }).strict();

export async function submitResponse(db: Db, code: string, token: string | undefined, body: Record<string, unknown>, invitationToken?: string) {
  const { org, wave, questionnaire } = await requireOpenWave(db, code);
  const row = await requireResponse(db, wave.id, token);
  const { input, answers } = parseWithAnswers(submitBodySchema, body, questionnaire, org.departments);
  if (row.status === "submitted") {
    return { outcome: "already_submitted" as const, state: draftState(row, code, token!) };
  }
  const merged = { ...columnsToAnswers(row), ...answers };
  const missing = missingItems(questionnaire, org.departments, merged);
  if (missing.length > 0) {
    throw new AppError(
      "incomplete",
      `${missing.length} required question(s) not answered`,
      Object.fromEntries(missing.map((id) => [`answers.${id}`, "is required"])),
    );
  }
  const result = await submitDraft(db, row.id, answers, input.locale ?? row.locale, invitationToken);
  const { outcome } = result;
  if (outcome === "not_found") throw new AppError("not_found", "This response no longer exists");
  if (outcome === "invitation_used") {
    throw new AppError("invitation_used", "This personal invitation has already been used to submit a response; each invitation counts once");
  }
  // Releases the wave's figures when enough new responses have arrived (lib/disclosure/releases.ts).
  await currentRelease(db, wave.id, minimumGroupSize());
  if (outcome !== "submitted") {
    // Another request with this token submitted first (and received the report link).
    return { outcome, state: { ...draftState(row, code, token!), status: "submitted" as const, resumeUrl: null, reportUrl: null, checks: {} } };
  }
  // The resume token no longer opens anything: the report link goes to this request only.
  const { reportToken } = result;
  return { outcome, state: draftState((await findResponseByToken(db, reportToken))!, code, reportToken) };
}
