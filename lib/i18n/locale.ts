import { LOCALES, type Locale } from "../../questions/constants";

export { LOCALES, type Locale };
export const DEFAULT_LOCALE: Locale = "en";
export const LOCALE_COOKIE = "ds_locale";

export const LOCALE_NAMES: Record<Locale, string> = { en: "English", "zh-Hans": "简体中文", "zh-Hant": "繁體中文" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** Maps one language tag to a supported locale (zh-TW/HK/MO and zh-Hant → Traditional). */
function matchTag(tag: string): Locale | undefined {
  const t = tag.toLowerCase();
  if (t === "en" || t.startsWith("en-")) return "en";
  if (t.startsWith("zh-hant") || /^zh-(tw|hk|mo)\b/.test(t)) return "zh-Hant";
  if (t === "zh" || t.startsWith("zh-")) return "zh-Hans";
  return undefined;
}

/** Picks the best supported locale from an Accept-Language header, honouring q-values. */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .split(",")
    .map((part, i) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, i };
    })
    .filter((x) => x.tag && x.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.i - b.i);
  for (const { tag } of ranked) {
    const match = matchTag(tag);
    if (match) return match;
  }
  return DEFAULT_LOCALE;
}
