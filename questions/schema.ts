import { z } from "zod";

import { ORG_ITEMS } from "./constants";

export * from "./constants";

const text = z.string().trim().min(1, "text must not be empty");
const levelTexts = z.object({ 1: text, 2: text, 3: text, 4: text, 5: text }).strict();

/** Structure of a questionnaire version: ids and scales, no wording. */
export const questionnaireStructureSchema = z
  .object({
    version: z.number().int().positive(),
    capabilities: z
      .array(
        z.object({
          id: z.string().regex(/^[a-z]+$/),
          representative: z.boolean(),
        }),
      )
      .min(1),
    orgItems: z.array(z.enum(ORG_ITEMS)).length(ORG_ITEMS.length),
    /** Seconds a typical respondent needs per item; the welcome page's time estimate is measured from this. */
    secondsPerItem: z.number().positive(),
    /** Knowledge checks (v2): how many each respondent answers per capability, and the seconds one takes. */
    checks: z
      .object({ perCapability: z.number().int().min(1).max(3), secondsPerCheck: z.number().positive() })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    const ids = q.capabilities.map((c) => c.id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: "custom", message: "capability ids must be unique" });
  });

export type QuestionnaireStructure = z.infer<typeof questionnaireStructureSchema>;

/** Wording of the knowledge-check steps; `title` names the capability as "{capability}". */
const checksTextSchema = z.object({ title: text.includes("{capability}"), intro: text, dontKnow: text }).strict();
export type ChecksText = z.infer<typeof checksTextSchema>;

/**
 * Wording of a questionnaire version in one locale; keys are checked against the structure. A
 * version with knowledge checks also words their steps (`checks`).
 */
export function questionnaireTextSchema(capabilityIds: readonly string[], withChecks = false) {
  const capability = z
    .object({
      name: text,
      summary: text,
      selfQuestion: text,
      levels: levelTexts,
      orgStatement: text,
      suggestions: z
        .object({
          start: z.array(text).min(2).max(4),
          build: z.array(text).min(2).max(4),
          extend: z.array(text).min(2).max(4),
        })
        .strict(),
    })
    .strict();
  const capShape = Object.fromEntries(capabilityIds.map((id) => [id, capability])) as Record<string, typeof capability>;
  return z
    .object({
      title: text,
      selfScale: levelTexts,
      orgScale: z.object({ yes: text, partly: text, no: text, dont_know: text }).strict(),
      orgQuestion: text,
      agreeScale: z.object({ 1: text, 2: text, 3: text, 4: text, 5: text, dont_know: text }).strict(),
      orgItems: z.object({ vision: text, ld_awareness: text, customer_understanding: text }).strict(),
      profile: z
        .object({
          department: text,
          seniority: text,
          seniorityOptions: z.object({ staff: text, manager: text, senior_leader: text, executive: text }).strict(),
        })
        .strict(),
      sections: z
        .object({
          profile: z.object({ title: text, intro: text }).strict(),
          capability: z.object({ intro: text }).strict(),
          organisation: z.object({ title: text, intro: text }).strict(),
        })
        .strict(),
      capabilities: z.object(capShape).strict(),
      checks: checksTextSchema.optional(),
    })
    .strict()
    .superRefine((t, ctx) => {
      if (withChecks && !t.checks) ctx.addIssue({ code: "custom", path: ["checks"], message: "is required in a version with knowledge checks" });
      if (!withChecks && t.checks) ctx.addIssue({ code: "custom", path: ["checks"], message: "is only allowed in a version with knowledge checks" });
    });
}

export type QuestionnaireText = z.infer<ReturnType<typeof questionnaireTextSchema>>;
