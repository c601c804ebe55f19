/* Display formatting for the dashboards (numbers come rounded from here, never computed). */
import type { Locale } from "@/lib/i18n/locale";
import { getQuestionnaire } from "@/questions";
import type { DashboardMessages } from "@/lib/i18n/dashboard-messages";

// The number formats live in lib/format/numbers.ts; the dashboard pages import them from here.
export { fmtInterval, fmtNum, fmtPct, fmtSigned } from "@/lib/format/numbers";

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
