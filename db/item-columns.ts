import { getTableColumns } from "drizzle-orm";
import { responses, type ResponseRow } from "./schema";
import type { Answers } from "../core/answers";
import { ORG_ITEMS } from "../questions/constants";

/** The organisation items, on the agreement scale whose "don't know" is stored as a code. */
const AGREE_ITEMS = new Set<string>(ORG_ITEMS);
const PROFILE_ITEMS = new Set(["department", "seniority"]);
export const DONT_KNOW_CODE = 0;

/** Questionnaire item id (snake_case, as in the CSV) → responses table property. */
const itemToProperty = new Map<string, keyof ResponseRow>(
  Object.entries(getTableColumns(responses))
    .filter(([, col]) => /^(self_|org_)/.test(col.name) || AGREE_ITEMS.has(col.name) || PROFILE_ITEMS.has(col.name))
    .map(([prop, col]) => [col.name, prop as keyof ResponseRow]),
);

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
