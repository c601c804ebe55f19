/*
 * The knowledge-check item bank of questionnaire v2: one file per capability in questions/checks/,
 * each check with its answer key and explanation in every locale.
 *
 * The answer key and the explanations never reach a survey page: the survey gets `publicCheck`
 * (stem and options only), and the report, rendered after submission, gets the rest
 * (docs/questionnaire.md, "Knowledge checks"; tests/e2e/checks-no-key.spec.ts).
 */
import { z } from "zod";
import ai from "./checks/ai.json";
import analytics from "./checks/analytics.json";
import cloud from "./checks/cloud.json";
import coding from "./checks/coding.json";
import data from "./checks/data.json";
import mobile from "./checks/mobile.json";
import security from "./checks/security.json";
import social from "./checks/social.json";
import { CHECK_LEVELS, CHECK_OPTIONS, LOCALES, type CheckLevel, type CheckOption, type Locale } from "./constants";

/** A capability's bank must hold at least this many checks, so colleagues rarely share items. */
export const MIN_CHECKS_PER_CAPABILITY = 5;

const text = z.string().trim().min(1, "text must not be empty");
const checkText = z
  .object({
    stem: text.max(600, "a stem must be at most 600 characters"),
    options: z.object({ a: text, b: text, c: text, d: text }).strict(),
    explanation: text,
  })
  .strict();

const bankFileSchema = z
  .object({
    capability: z.string().regex(/^[a-z]+$/),
    items: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z]+-[bia]\d+$/, 'an item id is "<capability>-<b|i|a><n>"'),
            level: z.enum(CHECK_LEVELS),
            answer: z.enum(CHECK_OPTIONS),
            text: z.object({ en: checkText, "zh-Hans": checkText, "zh-Hant": checkText }).strict(),
          })
          .strict(),
      )
      .min(MIN_CHECKS_PER_CAPABILITY),
  })
  .strict()
  .superRefine((file, ctx) => {
    for (const item of file.items) {
      if (!item.id.startsWith(`${file.capability}-`)) ctx.addIssue({ code: "custom", message: `item ${item.id} is not named after capability ${file.capability}` });
      if (item.id[file.capability.length + 1] !== item.level[0]) ctx.addIssue({ code: "custom", message: `item ${item.id}'s letter does not match its level ${item.level}` });
    }
    for (const level of CHECK_LEVELS) {
      if (!file.items.some((i) => i.level === level)) ctx.addIssue({ code: "custom", message: `capability ${file.capability} has no ${level} check` });
    }
  });

export type CheckText = z.infer<typeof checkText>;
export type CheckItem = {
  id: string;
  capabilityId: string;
  level: CheckLevel;
  answer: CheckOption;
  text: Record<Locale, CheckText>;
};

/** What a survey page may show of a check before submission: no key, no explanation. */
export type PublicCheck = { item: string; stem: string; options: Record<CheckOption, string> };

function load(files: unknown[]): Map<string, CheckItem> {
  const items = new Map<string, CheckItem>();
  for (const raw of files) {
    const parsed = bankFileSchema.safeParse(raw);
    if (!parsed.success) {
      const where = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`A knowledge-check bank file is invalid: ${where}`);
    }
    for (const item of parsed.data.items) {
      if (items.has(item.id)) throw new Error(`Knowledge check ${item.id} is defined twice`);
      items.set(item.id, { id: item.id, capabilityId: parsed.data.capability, level: item.level, answer: item.answer, text: item.text });
    }
  }
  return items;
}

const BANK = load([data, security, coding, mobile, social, analytics, cloud, ai]);

export function checkItem(id: string): CheckItem | undefined {
  return BANK.get(id);
}

/** Every check of a capability, in bank order. */
export function checksOf(capabilityId: string): CheckItem[] {
  return [...BANK.values()].filter((i) => i.capabilityId === capabilityId);
}

export function allChecks(): CheckItem[] {
  return [...BANK.values()];
}

export function publicCheck(item: CheckItem, locale: Locale): PublicCheck {
  const t = item.text[LOCALES.includes(locale) ? locale : "en"];
  return { item: item.id, stem: t.stem, options: { ...t.options } };
}
