import { describe, expect, it } from "vitest";
import { MESSAGES } from "../../lib/i18n/messages";
import { ADMIN_MESSAGES, SAME_IN_EVERY_LOCALE } from "../../lib/i18n/admin-messages";
import { DASHBOARD_MESSAGES } from "../../lib/i18n/dashboard-messages";
import { LOCALES, type Locale } from "../../lib/i18n/locale";

type Dictionary = Record<Locale, object>;

/** The three message dictionaries, each with the dotted paths allowed to read the same in Chinese as in English. */
const DICTIONARIES: [name: string, dictionary: Dictionary, sameInEveryLocale: readonly string[]][] = [
  ["site (messages.ts)", MESSAGES, []],
  ["admin (admin-messages.ts)", ADMIN_MESSAGES, SAME_IN_EVERY_LOCALE],
  ["dashboard (dashboard-messages.ts)", DASHBOARD_MESSAGES, []],
];

const CHINESE = LOCALES.filter((l) => l !== "en");

/** Every string of a message tree as [dotted path, text]; a non-string leaf is kept so the check can name it. */
function leaves(tree: unknown, prefix = ""): [string, unknown][] {
  if (tree && typeof tree === "object") return Object.entries(tree).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
  return [[prefix, tree]];
}

/** Every object of a message tree as [dotted path, keys], to find plural pairs. */
function branches(tree: object, prefix = ""): [string, string[]][] {
  return Object.entries(tree).flatMap(([key, value]) => {
    if (!value || typeof value !== "object") return [];
    const path = prefix ? `${prefix}.${key}` : key;
    return [[path, Object.keys(value)] as [string, string[]], ...branches(value, path)];
  });
}

// Repeats count: a sentence that names {n} twice in English must do so in every language.
const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

/** What is wrong with one locale of a dictionary compared with English, as readable lines (empty when all is well). */
function problems(dictionary: Dictionary, locale: Locale, sameInEveryLocale: readonly string[]): string[] {
  const en = new Map(leaves(dictionary.en));
  const translated = new Map(leaves(dictionary[locale]));
  const found: string[] = [];
  for (const path of en.keys()) if (!translated.has(path)) found.push(`${path}: missing`);
  for (const [path, text] of translated) {
    const english = en.get(path);
    if (english === undefined) found.push(`${path}: not in English`);
    else if (typeof text !== "string" || text.trim() === "") found.push(`${path}: not a non-empty string`);
    else {
      if (placeholders(text).join() !== placeholders(String(english)).join()) found.push(`${path}: placeholders ${placeholders(text).join() || "none"}, English has ${placeholders(String(english)).join() || "none"}`);
      if (locale !== "en" && text === english && !sameInEveryLocale.includes(path)) found.push(`${path}: same as English`);
    }
  }
  for (const [path, keys] of branches(dictionary[locale])) {
    const plural = keys.includes("one") || keys.includes("other");
    if (plural && keys.sort().join() !== "one,other") found.push(`${path}: plural forms ${keys.join()}, expected one,other`);
  }
  return found;
}

// Characters written differently in the two scripts (Simplified, then Traditional); a translation must not mix them.
const SCRIPT_PAIRS =
  "们們这這个個时時为為发發对對设設链鏈码碼邮郵组組织織导導数數据據录錄请請输輸选選择擇档檔删刪归歸开開关關闭閉页頁认認账帳户戶员員门門间間区區规規级級务務现現还還将將会會过過类類说說题題问問调調轮輪态態状狀称稱业業职職连連结結产產体體简簡览覽审審计計网網络絡里裡与與后後应應从從场場资資优優显顯讯訊复複载載种種该該无無";
const SIMPLIFIED_ONLY = [...SCRIPT_PAIRS].filter((_, i) => i % 2 === 0);
const TRADITIONAL_ONLY = [...SCRIPT_PAIRS].filter((_, i) => i % 2 === 1).concat("製");

describe.each(DICTIONARIES)("%s", (_name, dictionary, sameInEveryLocale) => {
  it.each(LOCALES)("%s has the English keys, placeholders and plural forms, translated", (locale) => {
    expect(problems(dictionary, locale, sameInEveryLocale)).toEqual([]);
  });

  it.each(sameInEveryLocale)("%s, allowed to read the same in every language, exists and is identical", (path) => {
    const texts = LOCALES.map((l) => new Map(leaves(dictionary[l])).get(path));
    expect(texts[0]).toBeTruthy();
    expect(new Set(texts).size).toBe(1);
  });

  it.each(CHINESE)("%s is written in one script", (locale) => {
    const wrong = locale === "zh-Hans" ? TRADITIONAL_ONLY : SIMPLIFIED_ONLY;
    const mixed = leaves(dictionary[locale]).filter(([, text]) => wrong.some((c) => String(text).includes(c)));
    expect(mixed).toEqual([]);
  });
});

describe("the dictionary check", () => {
  const planted = (change: (copy: Dictionary) => void) => {
    const copy = structuredClone(ADMIN_MESSAGES) as Dictionary;
    change(copy);
    return problems(copy, "zh-Hant", SAME_IN_EVERY_LOCALE);
  };
  const hant = (copy: Dictionary) => copy["zh-Hant"] as typeof ADMIN_MESSAGES.en;

  it("names a key missing in one locale", () => {
    expect(planted((c) => delete (hant(c).meta as Partial<typeof ADMIN_MESSAGES.en.meta>).exports)).toEqual(["meta.exports: missing"]);
  });

  it("names a key only one locale has", () => {
    expect(planted((c) => Object.assign(hant(c).meta, { extra: "多餘" }))).toEqual(["meta.extra: not in English"]);
  });

  it("names a lost or renamed placeholder", () => {
    expect(planted((c) => (hant(c).common.pageOf = "第 {page} 頁"))).toEqual(["common.pageOf: placeholders {page}, English has {pages},{page}"]);
    expect(planted((c) => (hant(c).common.pageOf = "第 {page} 頁，共 {total} 頁"))).toEqual(["common.pageOf: placeholders {page},{total}, English has {pages},{page}"]);
  });

  it("names a missing plural form", () => {
    expect(planted((c) => delete (hant(c).organisations.caption as Partial<typeof ADMIN_MESSAGES.en.organisations.caption>).one)).toEqual([
      "organisations.caption.one: missing",
      "organisations.caption: plural forms other, expected one,other",
    ]);
  });

  it("names an untranslated string outside the allow-list, and accepts the allow-list", () => {
    expect(planted((c) => (hant(c).meta.admin = ADMIN_MESSAGES.en.meta.admin))).toEqual(["meta.admin: same as English"]);
    expect(planted(() => undefined)).toEqual([]);
  });
});
