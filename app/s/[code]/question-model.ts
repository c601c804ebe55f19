import type { QuestionnaireText } from "@/questions/schema";
import type { SurveyStep } from "@/questions";
import { AGREE_ANSWERS, CHECK_ANSWERS, ORG_ANSWERS, SENIORITIES } from "@/questions/constants";
import type { PublicCheck } from "@/questions/check-bank";
import { format, type Messages } from "@/lib/i18n/messages";
import type { Question } from "./question-field";

export type Answers = Partial<Record<string, number | string>>;

/** The summary line names the question; the message beside the field says what to do. */
export type FieldError = { summary: string; field: string };

/**
 * What the model needs to know about this survey: its steps, their wording, the organisation's
 * departments and the knowledge checks drawn for this respondent (v2; stems and options only).
 */
export type SurveyModel = { text: QuestionnaireText; m: Messages; steps: SurveyStep[]; departments: string[]; checks: Record<string, PublicCheck> };

/** The question as the respondent read it, for the error summary. */
export function questionText(text: QuestionnaireText, item: string, checks: Record<string, PublicCheck> = {}): string {
  if (checks[item]) return checks[item].stem;
  if (item === "department") return text.profile.department;
  if (item === "seniority") return text.profile.seniority;
  if (item.startsWith("self_")) return text.capabilities[item.slice(5)]?.selfQuestion ?? item;
  if (item.startsWith("org_")) return text.capabilities[item.slice(4)]?.orgStatement ?? item;
  return text.orgItems[item as keyof QuestionnaireText["orgItems"]] ?? item;
}

/** Every item is required except the department of an organisation that lists none. */
export function isRequired(item: string, departments: string[]): boolean {
  return item !== "department" || departments.length > 0;
}

export function missingError(model: SurveyModel, item: string): FieldError {
  return { summary: format(model.m.answerThis, { question: questionText(model.text, item, model.checks) }), field: model.m.chooseOne };
}

/** The required items of step `stepIndex` (1-based) left unanswered. */
export function missingOn(model: SurveyModel, stepIndex: number, answers: Answers): Record<string, FieldError> {
  const found: Record<string, FieldError> = {};
  for (const item of model.steps[stepIndex - 1]?.items ?? []) {
    if (isRequired(item, model.departments) && (answers[item] === undefined || answers[item] === "")) found[item] = missingError(model, item);
  }
  return found;
}

/** The answers that belong to step `stepIndex` (1-based): a save sends only its own step. */
export function stepAnswers(steps: SurveyStep[], stepIndex: number, answers: Answers): Answers {
  const out: Answers = {};
  for (const item of steps[stepIndex - 1]?.items ?? []) if (answers[item] !== undefined) out[item] = answers[item];
  return out;
}

/** The first step (1-based) holding any of `items`, or 0 when none does. */
export function firstStepWith(steps: SurveyStep[], items: string[]): number {
  return steps.findIndex((s) => s.items.some((i) => items.includes(i))) + 1;
}

/** Position of a capability (or checks) step among the steps of its kind, for "Capability n of m". */
export function capabilityPosition(steps: SurveyStep[], current: SurveyStep): { n: number; m: number } {
  const same = steps.filter((s) => s.kind === current.kind);
  return { n: current.kind === "capability" || current.kind === "checks" ? same.indexOf(current) + 1 : 0, m: same.length };
}

/** The controls a step shows, with the wording of the respondent's language. */
export function questionsFor(step: SurveyStep, text: QuestionnaireText, m: Messages, departments: string[], checks: Record<string, PublicCheck> = {}): Question[] {
  if (step.kind === "checks") {
    return step.items.flatMap((slot): Question[] => {
      const check = checks[slot];
      if (!check) return [];
      return [
        {
          item: slot,
          label: check.stem,
          kind: "radio",
          options: CHECK_ANSWERS.map((a) => ({ value: a, title: a === "dont_know" ? (text.checks?.dontKnow ?? a) : check.options[a] })),
        },
      ];
    });
  }
  if (step.kind === "profile") {
    const qs: Question[] = [];
    if (departments.length > 0) {
      qs.push({
        item: "department",
        label: text.profile.department,
        kind: "select",
        placeholder: m.chooseDepartment,
        options: departments.map((d) => ({ value: d, title: d })),
      });
    }
    qs.push({
      item: "seniority",
      label: text.profile.seniority,
      kind: "radio",
      options: SENIORITIES.map((s) => ({ value: s, title: text.profile.seniorityOptions[s] })),
    });
    return qs;
  }
  if (step.kind === "capability") {
    const cap = text.capabilities[step.capabilityId]!;
    return [
      {
        item: `self_${step.capabilityId}`,
        label: cap.selfQuestion,
        kind: "radio",
        numeric: true,
        options: ([1, 2, 3, 4, 5] as const).map((l) => ({ value: l, title: text.selfScale[l], description: cap.levels[l] })),
      },
      {
        item: `org_${step.capabilityId}`,
        label: cap.orgStatement,
        hint: text.orgQuestion,
        kind: "radio",
        inline: true,
        options: ORG_ANSWERS.map((o) => ({ value: o, title: text.orgScale[o] })),
      },
    ];
  }
  return step.items.map((item) => ({
    item,
    label: text.orgItems[item as keyof QuestionnaireText["orgItems"]],
    kind: "radio" as const,
    options: AGREE_ANSWERS.map((a) => ({ value: a, title: text.agreeScale[a] })),
  }));
}
