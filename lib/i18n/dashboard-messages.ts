/**
 * Strings of the L&D lead's dashboards, one file per locale in ./dashboard/. {name} marks a placeholder.
 * Capability names and learning suggestions come from the questionnaire (questions/).
 */
import type { Locale } from "./locale";
import { en, type DashboardMessages } from "./dashboard/en";
import { zhHans } from "./dashboard/zh-Hans";
import { zhHant } from "./dashboard/zh-Hant";

export type { DashboardMessages };

export const DASHBOARD_MESSAGES: Record<Locale, DashboardMessages> = { en, "zh-Hans": zhHans, "zh-Hant": zhHant };

export function dashboardMessages(locale: Locale): DashboardMessages {
  return DASHBOARD_MESSAGES[locale];
}
