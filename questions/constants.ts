/* Plain constants of the questionnaire: no zod here, so client bundles can import them. */

/** Locales every questionnaire text must exist in. */
export const LOCALES = ["en", "zh-Hans", "zh-Hant"] as const;
export type Locale = (typeof LOCALES)[number];

export const SELF_LEVELS = [1, 2, 3, 4, 5] as const;
export const ORG_ANSWERS = ["yes", "partly", "no", "dont_know"] as const;
export const AGREE_ANSWERS = [1, 2, 3, 4, 5, "dont_know"] as const;
export const SENIORITIES = ["staff", "manager", "senior_leader", "executive"] as const;
export const ORG_ITEMS = ["vision", "ld_awareness", "customer_understanding"] as const;
/** Learning suggestions are grouped by level band: 1–2 start, 3 build, 4–5 extend. */
export const SUGGESTION_BANDS = ["start", "build", "extend"] as const;

export type OrgAnswer = (typeof ORG_ANSWERS)[number];
export type AgreeAnswer = (typeof AGREE_ANSWERS)[number];
export type Seniority = (typeof SENIORITIES)[number];
export type OrgItemId = (typeof ORG_ITEMS)[number];
export type SuggestionBand = (typeof SUGGESTION_BANDS)[number];

/** Knowledge checks (questionnaire v2): the four options, and the answers a respondent can give. */
export const CHECK_OPTIONS = ["a", "b", "c", "d"] as const;
export const CHECK_ANSWERS = [...CHECK_OPTIONS, "dont_know"] as const;
/** Difficulty of a check, graded to the level descriptors: basic 2–3, intermediate 4, advanced 5. */
export const CHECK_LEVELS = ["basic", "intermediate", "advanced"] as const;

export type CheckOption = (typeof CHECK_OPTIONS)[number];
export type CheckAnswer = (typeof CHECK_ANSWERS)[number];
export type CheckLevel = (typeof CHECK_LEVELS)[number];

/** The answer slot of a respondent's n-th check (1-based) on a capability: "check_data_1". */
export function checkSlot(capabilityId: string, n: number): string {
  return `check_${capabilityId}_${n}`;
}
export const CHECK_SLOT_PATTERN = /^check_([a-z]+)_(\d)$/;
