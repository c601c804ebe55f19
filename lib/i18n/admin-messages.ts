/**
 * Strings of the admin console and its form validation, one file per locale in ./admin/.
 * {name} marks a placeholder; `{ one, other }` pairs are plural forms chosen with Intl.PluralRules
 * (Chinese has no plural, so both forms read the same there). Roster errors from the invitations
 * API stay English: they are a documented contract for scripts.
 */
import type { Locale } from "./locale";
import { en, type AdminMessages } from "./admin/en";
import { zhHans } from "./admin/zh-Hans";
import { zhHant } from "./admin/zh-Hant";

export type { AdminMessages };

export const ADMIN_MESSAGES: Record<Locale, AdminMessages> = { en, "zh-Hans": zhHans, "zh-Hant": zhHant };

/**
 * Strings meant to read the same in every language, as dotted paths. The unit
 * test checks that each is really identical, so the list stays honest.
 */
export const SAME_IN_EVERY_LOCALE: readonly string[] = ["common.utc", "waveForm.labelExample"];

export function adminMessages(locale: Locale): AdminMessages {
  return ADMIN_MESSAGES[locale];
}
