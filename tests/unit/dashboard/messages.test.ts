import { describe, expect, it } from "vitest";
import { DASHBOARD_MESSAGES } from "../../../lib/i18n/dashboard-messages";
import { LOCALES } from "../../../lib/i18n/locale";

function leaves(value: unknown, prefix = ""): [string, string][] {
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  return [[prefix, String(value)]];
}

const en = new Map(leaves(DASHBOARD_MESSAGES.en));
const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();

// Characters that exist only in one script: a Simplified one in Traditional text (or the reverse) is a slip.
const SIMPLIFIED_ONLY = "们这数门个组级说应关为时会对从发现场设资网络优显页讯户择选复制载种该无问题";
const TRADITIONAL_ONLY = "們這數門個組級說應關為時會對從發現場設資網絡優顯頁訊戶擇選複製載種該無問題";

describe("dashboard messages", () => {
  it("have the same keys and placeholders in every language, none empty", () => {
    for (const locale of LOCALES) {
      const m = new Map(leaves(DASHBOARD_MESSAGES[locale]));
      expect([...m.keys()].sort()).toEqual([...en.keys()].sort());
      for (const [key, value] of m) {
        expect(value.trim(), `${locale} ${key}`).not.toBe("");
        expect(placeholders(value), `${locale} ${key}`).toEqual(placeholders(en.get(key)!));
      }
    }
  });

  it("are translated: no Chinese string equals the English one", () => {
    for (const locale of ["zh-Hans", "zh-Hant"] as const) {
      const same = leaves(DASHBOARD_MESSAGES[locale]).filter(([key, value]) => value === en.get(key)).map(([key]) => key);
      expect(same, locale).toEqual([]);
    }
  });

  it("keep Simplified and Traditional characters apart", () => {
    const hans = leaves(DASHBOARD_MESSAGES["zh-Hans"]).map(([, v]) => v).join("");
    const hant = leaves(DASHBOARD_MESSAGES["zh-Hant"]).map(([, v]) => v).join("");
    expect([...hant].filter((ch) => SIMPLIFIED_ONLY.includes(ch))).toEqual([]);
    expect([...hans].filter((ch) => TRADITIONAL_ONLY.includes(ch))).toEqual([]);
  });
});
