import structureV1 from "./v1/structure.json";
import textEnV1 from "./v1/text.en.json";
import textHansV1 from "./v1/text.zh-Hans.json";
import textHantV1 from "./v1/text.zh-Hant.json";
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
  | { kind: "organisation"; items: string[] };

function build(rawStructure: unknown, rawTexts: Record<Locale, unknown>): Questionnaire {
  const structure = questionnaireStructureSchema.parse(rawStructure);
  const capabilityIds = structure.capabilities.map((c) => c.id);
  const textSchema = questionnaireTextSchema(capabilityIds);
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

/**
 * Minutes a respondent needs, measured from the item count and the per-item time. Given the
 * organisation's departments, an empty list drops the department question, which is then not asked.
 */
export function estimatedMinutes(q: Questionnaire, departments?: readonly string[]): { items: number; minutes: number } {
  const items = q.itemIds.filter((id) => id !== "department" || departments === undefined || departments.length > 0).length;
  return { items, minutes: Math.max(1, Math.round((items * q.secondsPerItem) / 60)) };
}
