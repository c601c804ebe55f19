/* Display formatting for the dashboards (numbers come rounded from here, never computed). */
import type { Locale } from "@/lib/i18n/locale";
import { numberFormat } from "@/lib/i18n/text";
import { getQuestionnaire } from "@/questions";
import type { DashboardMessages } from "@/lib/i18n/dashboard-messages";

const DASH = "–";

export function fmtNum(x: number | null | undefined, locale: Locale, digits = 0): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
  return numberFormat(locale, digits).format(x);
}

export function fmtPct(x: number | null | undefined, locale: Locale, digits = 0): string {
  const s = fmtNum(x, locale, digits);
  return s === DASH ? s : `${s}%`;
}

export function fmtSigned(x: number | null | undefined, locale: Locale, digits = 0): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
  const s = fmtNum(Math.abs(x), locale, digits);
  return x > 0 && s !== fmtNum(0, locale, digits) ? `+${s}` : x < 0 && s !== fmtNum(0, locale, digits) ? `−${s}` : s;
}

/** "42–58%"; with a negative bound the numbers get a true minus and the dash spaces ("−6.3 – 18.4"), so "-6–18" is not misread. */
export function fmtInterval(ci: [number, number] | null | undefined, locale: Locale, digits = 0, unit = "%"): string {
  if (!ci) return DASH;
  const bound = (x: number) => (x < 0 ? `−${fmtNum(-x, locale, digits)}` : fmtNum(x, locale, digits));
  const separator = ci[0] < 0 || ci[1] < 0 ? " – " : "–";
  return `${bound(ci[0])}${separator}${bound(ci[1])}${unit}`;
}

export function fmtDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(iso));
}

export function fmtDay(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
}

/** Names of capabilities, seniority levels, size bands and departments in the reader's language. */
export function dashboardLabels(locale: Locale, m: DashboardMessages, questionnaireVersion = 1) {
  const text = getQuestionnaire(questionnaireVersion).text[locale];
  return {
    capability: (id: string) => text.capabilities[id]?.name ?? id,
    seniority: (level: string) => (text.profile.seniorityOptions as Record<string, string>)[level] ?? level,
    sizeBand: (band: string) => (m.header.sizeBands as Record<string, string>)[band] ?? band,
    department: (name: string) => (name === "" ? m.common.notAnswered : name),
  };
}

export type DashboardLabels = ReturnType<typeof dashboardLabels>;
