/** Interface strings, one file per locale in ./site/ (questionnaire wording lives in questions/). {name} marks a placeholder. */
import type { Locale } from "./locale";
import { en, type Messages } from "./site/en";
import { zhHans } from "./site/zh-Hans";
import { zhHant } from "./site/zh-Hant";

export type { Messages };

export const MESSAGES: Record<Locale, Messages> = { en, "zh-Hans": zhHans, "zh-Hant": zhHant };

export function messages(locale: Locale): Messages {
  return MESSAGES[locale];
}

/** Fills {name} placeholders. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in values ? String(values[key]) : m));
}
