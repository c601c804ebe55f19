import { formatNumber } from "../format/numbers";
import type { Locale } from "./locale";
import { format } from "./messages";

/** A sentence in its plural forms; languages without plural (Chinese) use `other`. */
export type PluralForms = { one: string; other: string };

/** The form of `forms` for `n`, with {n} filled as a number in the locale's style. */
export function plural(locale: Locale, forms: PluralForms, n: number, values: Record<string, string | number> = {}): string {
  const form = new Intl.PluralRules(locale).select(n) === "one" ? forms.one : forms.other;
  return format(form, { ...values, n: formatNumber(locale, n) });
}

/** What goes between two sentences of a paragraph: a space in English, nothing in Chinese. */
export function sentenceGap(locale: Locale): string {
  return locale === "en" ? " " : "";
}

/** The non-empty sentences as one paragraph. */
export function joinSentences(locale: Locale, sentences: readonly string[]): string {
  return sentences.filter(Boolean).join(sentenceGap(locale));
}

/** A UTC date and time in the locale's style; English keeps the day-month-year order of en-GB. */
export function formatUtcDateTime(locale: Locale, iso: string, timeStyle: "short" | "medium", utc: string): string {
  const tag = locale === "en" ? "en-GB" : locale;
  return `${new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeStyle, timeZone: "UTC" }).format(new Date(iso))} ${utc}`;
}
