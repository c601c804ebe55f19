import { getTableColumns } from "drizzle-orm";
import { responses, type ResponseRow } from "./schema";
import type { Answers } from "../core/answers";
import type { CheckAssignment } from "../core/checks";
import { CHECK_SLOT_PATTERN, ORG_ITEMS } from "../questions/constants";

/** The organisation items, on the agreement scale whose "don't know" is stored as a code. */
const AGREE_ITEMS = new Set<string>(ORG_ITEMS);
const PROFILE_ITEMS = new Set(["department", "seniority"]);
export const DONT_KNOW_CODE = 0;

/** Questionnaire item id (snake_case, as in the CSV) → responses table property. */
const itemToProperty = new Map<string, keyof ResponseRow>(
  Object.entries(getTableColumns(responses))
    .filter(([, col]) => /^(self_|org_)/.test(col.name) || CHECK_SLOT_PATTERN.test(col.name) || AGREE_ITEMS.has(col.name) || PROFILE_ITEMS.has(col.name))
    .map(([prop, col]) => [col.name, prop as keyof ResponseRow]),
);

/** Knowledge-check slot ("check_data_1") → the responses property holding the check drawn into it. */
const slotToItemProperty = new Map<string, keyof ResponseRow>(
  Object.entries(getTableColumns(responses))
    .filter(([, col]) => col.name.endsWith("_item") && CHECK_SLOT_PATTERN.test(col.name.slice(0, -"_item".length)))
    .map(([prop, col]) => [col.name.slice(0, -"_item".length), prop as keyof ResponseRow]),
);

/** The check-assignment columns of a draft about to be created. */
export function assignmentToColumns(assignment: CheckAssignment): Partial<ResponseRow> {
  const out: Record<string, unknown> = {};
  for (const [slot, item] of Object.entries(assignment)) {
    const prop = slotToItemProperty.get(slot);
    if (!prop) throw new Error(`No column for knowledge-check slot ${slot}`);
    out[prop] = item;
  }
  return out as Partial<ResponseRow>;
}

/** Which check was drawn into each slot of a stored response (empty for v1). */
export function columnsToAssignment(row: ResponseRow): CheckAssignment {
  const assignment: CheckAssignment = {};
  for (const [slot, prop] of slotToItemProperty) {
    const value = row[prop];
    if (typeof value === "string") assignment[slot] = value;
  }
  return assignment;
}

export const ITEM_COLUMNS: readonly string[] = [...itemToProperty.keys()];

/** Converts validated answers into column values (agree items: "dont_know" is stored as 0). */
export function answersToColumns(answers: Answers): Partial<ResponseRow> {
  const out: Record<string, unknown> = {};
  for (const [item, value] of Object.entries(answers)) {
    const prop = itemToProperty.get(item);
    if (!prop || value === undefined) continue;
    out[prop] = AGREE_ITEMS.has(item) && value === "dont_know" ? DONT_KNOW_CODE : value;
  }
  return out as Partial<ResponseRow>;
}

/** Reads the answered items of a stored response back into the API's answer form. */
export function columnsToAnswers(row: ResponseRow): Answers {
  const answers: Answers = {};
  for (const [item, prop] of itemToProperty) {
    const value = row[prop];
    if (value === null || value === undefined) continue;
    answers[item] = AGREE_ITEMS.has(item) && value === DONT_KNOW_CODE ? "dont_know" : (value as number | string);
  }
  return answers;
}
