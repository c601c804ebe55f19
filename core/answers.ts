import { z } from "zod";
import { CHECK_ANSWERS, checkSlots, ORG_ANSWERS, SENIORITIES, type Questionnaire } from "../questions";

/** Answers keyed by item id, as the survey page and the answers API exchange them. */
export type Answers = Partial<Record<string, number | string>>;

export type FieldErrors = Record<string, string>;

const SELF_MESSAGE = "must be a whole number from 1 to 5";
export const NO_DEPARTMENTS_MESSAGE = "is not asked: this organisation has no departments; leave it out";
const AGREE_MESSAGE = 'must be a whole number from 1 to 5, or "dont_know"';

function itemSchemas(q: Questionnaire, departments: readonly string[]): Map<string, z.ZodType> {
  const shape: Record<string, z.ZodType> = {
    // Without a list the survey asks no department: a typed name could be markup, a formula or the
    // name of a one-person group (issue 16, finding 7).
    department:
      departments.length > 0
        ? z.enum(departments as [string, ...string[]], {
            error: `must be one of: ${departments.join(", ")}`,
          })
        : z.never({ error: NO_DEPARTMENTS_MESSAGE }),
    seniority: z.enum(SENIORITIES, { error: `must be one of: ${SENIORITIES.join(", ")}` }),
  };
  for (const id of q.capabilityIds) {
    shape[`self_${id}`] = z.number({ error: SELF_MESSAGE }).int(SELF_MESSAGE).min(1, SELF_MESSAGE).max(5, SELF_MESSAGE);
    shape[`org_${id}`] = z.enum(ORG_ANSWERS, { error: `must be one of: ${ORG_ANSWERS.join(", ")}` });
  }
  for (const id of q.orgItems) {
    shape[id] = z.union(
      [z.number().int(AGREE_MESSAGE).min(1, AGREE_MESSAGE).max(5, AGREE_MESSAGE), z.literal("dont_know")],
      { error: AGREE_MESSAGE },
    );
  }
  for (const slot of checkSlots(q)) {
    shape[slot] = z.enum(CHECK_ANSWERS, { error: `must be one of: ${CHECK_ANSWERS.join(", ")}` });
  }
  // A Map, so keys such as "__proto__" or "constructor" never resolve to inherited properties.
  return new Map(Object.entries(shape));
}

/**
 * Validates a (possibly partial) set of answers against the questionnaire: every key must be a known
 * item and every value one the item allows. Returns the clean answers or an error per bad field.
 */
export function validateAnswers(
  q: Questionnaire,
  departments: readonly string[],
  input: unknown,
): { ok: true; answers: Answers } | { ok: false; fields: FieldErrors } {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return { ok: false, fields: { answers: "must be an object mapping item ids to answers" } };
  }
  const schemas = itemSchemas(q, departments);
  // Collected in a Map: assigning fields["__proto__"] on a plain object would silently drop the error.
  const fields = new Map<string, string>();
  const answers: Answers = {};
  for (const [key, value] of Object.entries(input)) {
    const schema = schemas.get(key);
    if (!schema) {
      fields.set(key, `is not an item of questionnaire v${q.version}; allowed items: ${q.itemIds.join(", ")}`);
      continue;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) answers[key] = parsed.data as number | string;
    else fields.set(key, parsed.error.issues[0]?.message ?? "is not valid");
  }
  return fields.size > 0 ? { ok: false, fields: Object.fromEntries(fields) } : { ok: true, answers };
}

/** Items a submission must have answered ("don't know" counts as an answer). */
export function requiredItems(q: Questionnaire, departments: readonly string[]): string[] {
  return q.itemIds.filter((id) => id !== "department" || departments.length > 0);
}

export function missingItems(q: Questionnaire, departments: readonly string[], answers: Answers, items?: readonly string[]): string[] {
  const required = new Set(requiredItems(q, departments));
  return (items ?? q.itemIds).filter((id) => required.has(id) && (answers[id] === undefined || answers[id] === null));
}
