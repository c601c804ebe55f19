import structureV1 from "./v1/structure.json";
import textEnV1 from "./v1/text.en.json";
import textHansV1 from "./v1/text.zh-Hans.json";
import textHantV1 from "./v1/text.zh-Hant.json";
import structureV2 from "./v2/structure.json";
import checksEnV2 from "./v2/text.en.json";
import checksHansV2 from "./v2/text.zh-Hans.json";
import checksHantV2 from "./v2/text.zh-Hant.json";
import { checkSlot } from "./constants";
import {
  LOCALES,
  ORG_ITEMS,
  questionnaireStructureSchema,
  questionnaireTextSchema,
  type Locale,
  type QuestionnaireStructure,
  type QuestionnaireText,
} from "./schema";

export * from "./schema";

export type Questionnaire = QuestionnaireStructure & {
  /** Capability ids in questionnaire order. */
  capabilityIds: string[];
  representativeIds: string[];
  /** Every item id in the order a respondent meets them. */
  itemIds: string[];
  steps: SurveyStep[];
  text: Record<Locale, QuestionnaireText>;
};

export type SurveyStep =
  | { kind: "profile"; items: ["department", "seniority"] }
  | { kind: "capability"; capabilityId: string; items: [string, string] }
  | { kind: "organisation"; items: string[] }
  /** Knowledge checks on one capability (v2): the items are answer slots; which check fills a slot is drawn per response. */
  | { kind: "checks"; capabilityId: string; items: string[] };

function build(rawStructure: unknown, rawTexts: Record<Locale, unknown>): Questionnaire {
  const structure = questionnaireStructureSchema.parse(rawStructure);
  const capabilityIds = structure.capabilities.map((c) => c.id);
  const textSchema = questionnaireTextSchema(capabilityIds, structure.checks !== undefined);
  const text = Object.fromEntries(
    LOCALES.map((locale) => {
      const parsed = textSchema.safeParse(rawTexts[locale]);
      if (!parsed.success) {
        const where = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
        throw new Error(`Questionnaire v${structure.version} text ${locale} is invalid: ${where}`);
      }
      return [locale, parsed.data];
    }),
  ) as Record<Locale, QuestionnaireText>;
  const steps: SurveyStep[] = [
    { kind: "profile", items: ["department", "seniority"] },
    ...capabilityIds.map((id): SurveyStep => ({ kind: "capability", capabilityId: id, items: [`self_${id}`, `org_${id}`] })),
    { kind: "organisation", items: [...ORG_ITEMS] },
    // The checks come after every self-rating and organisation answer, so those are given exactly as
    // in v1, before anyone has seen a check (docs/decisions/019-knowledge-checks.md).
    ...(structure.checks
      ? capabilityIds.map((id): SurveyStep => ({
          kind: "checks",
          capabilityId: id,
          items: Array.from({ length: structure.checks!.perCapability }, (_, i) => checkSlot(id, i + 1)),
        }))
      : []),
  ];
  return {
    ...structure,
    capabilityIds,
    representativeIds: structure.capabilities.filter((c) => c.representative).map((c) => c.id),
    itemIds: steps.flatMap((s) => s.items),
    steps,
    text,
  };
}

const versions = new Map<number, Questionnaire>([
  [1, build(structureV1, { en: textEnV1, "zh-Hans": textHansV1, "zh-Hant": textHantV1 })],
  // v2 is v1 plus knowledge checks: the same wording, and the check steps' own.
  [2, build(structureV2, { en: { ...textEnV1, ...checksEnV2 }, "zh-Hans": { ...textHansV1, ...checksHansV2 }, "zh-Hant": { ...textHantV1, ...checksHantV2 } })],
]);

export const CURRENT_QUESTIONNAIRE_VERSION = 1;

export function getQuestionnaire(version: number): Questionnaire {
  const q = versions.get(version);
  if (!q) throw new Error(`Unknown questionnaire version ${version}`);
  return q;
}

export function questionnaireVersions(): number[] {
  return [...versions.keys()];
}

/** The answer slots of the knowledge checks, in the order a respondent meets them (none in v1). */
export function checkSlots(q: Questionnaire): string[] {
  return q.steps.flatMap((s) => (s.kind === "checks" ? s.items : []));
}

/** Whether a version asks knowledge checks. */
export function hasChecks(q: Questionnaire): boolean {
  return q.checks !== undefined;
}

/**
 * Minutes a respondent needs, measured from the item count and the per-item time, a knowledge check
 * counting its own time. Given the organisation's departments, an empty list drops the department
 * question, which is then not asked.
 */
export function estimatedMinutes(q: Questionnaire, departments?: readonly string[]): { items: number; minutes: number } {
  const checks = checkSlots(q).length;
  const items = q.itemIds.filter((id) => id !== "department" || departments === undefined || departments.length > 0).length;
  const seconds = (items - checks) * q.secondsPerItem + checks * (q.checks?.secondsPerCheck ?? 0);
  return { items, minutes: Math.max(1, Math.round(seconds / 60)) };
}
