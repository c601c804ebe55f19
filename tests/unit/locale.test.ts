import { describe, expect, it } from "vitest";
import { negotiateLocale } from "../../lib/i18n/locale";

describe("negotiateLocale", () => {
  it.each([
    [null, "en"],
    ["", "en"],
    ["en-GB,en;q=0.9", "en"],
    ["zh-CN,zh;q=0.9,en;q=0.8", "zh-Hans"],
    ["zh-SG", "zh-Hans"],
    ["zh", "zh-Hans"],
    ["zh-TW,zh;q=0.9", "zh-Hant"],
    ["zh-HK", "zh-Hant"],
    ["zh-Hant-TW", "zh-Hant"],
    ["zh-Hans-CN", "zh-Hans"],
    ["fr-FR,de;q=0.8", "en"],
    ["fr-FR,zh-TW;q=0.5,en;q=0.3", "zh-Hant"],
    ["en;q=0.2,zh-CN;q=0.8", "zh-Hans"],
    ["zh-CN;q=0,en", "en"],
  ])("%j → %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});
