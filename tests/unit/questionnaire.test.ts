import { describe, expect, it } from "vitest";
import structure from "../../questions/v1/structure.json";
import textEn from "../../questions/v1/text.en.json";
import textHans from "../../questions/v1/text.zh-Hans.json";
import textHant from "../../questions/v1/text.zh-Hant.json";
import { estimatedMinutes, getQuestionnaire, LOCALES, questionnaireTextSchema } from "../../questions";

/** Every leaf path of a nested object, e.g. "capabilities.data.levels.3". */
function leafPaths(value: unknown, prefix = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leafPaths(v, `${prefix}[${i}]`));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

function leafValues(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(leafValues);
  if (value && typeof value === "object") return Object.values(value).flatMap(leafValues);
  return [value];
}

const texts = { en: textEn, "zh-Hans": textHans, "zh-Hant": textHant } as const;

describe("questionnaire v1", () => {
  const q = getQuestionnaire(1);

  it("has the eight capabilities of the design, with data, security and coding representative", () => {
    expect(q.capabilityIds).toEqual(["data", "security", "coding", "mobile", "social", "analytics", "cloud", "ai"]);
    expect(q.representativeIds).toEqual(["data", "security", "coding"]);
  });

  it("has 21 items in 10 sections: profile, eight capabilities, organisation", () => {
    expect(q.itemIds).toHaveLength(21);
    expect(q.steps.map((s) => s.kind)).toEqual(["profile", ...Array(8).fill("capability"), "organisation"]);
    expect(q.itemIds).toContain("self_ai");
    expect(q.itemIds).toContain("org_coding");
    expect(q.itemIds.slice(-3)).toEqual(["vision", "ld_awareness", "customer_understanding"]);
  });

  it("estimates the time from the item count", () => {
    expect(estimatedMinutes(q)).toEqual({ items: 21, minutes: Math.round((21 * structure.secondsPerItem) / 60) });
    expect(estimatedMinutes(q, ["Sales"])).toEqual({ items: 21, minutes: Math.round((21 * structure.secondsPerItem) / 60) });
    // Without a department list the department question is not asked (issue 16, finding 7).
    expect(estimatedMinutes(q, [])).toEqual({ items: 20, minutes: Math.round((20 * structure.secondsPerItem) / 60) });
  });

  it.each(LOCALES)("text in %s passes the schema", (locale) => {
    const result = questionnaireTextSchema(q.capabilityIds).safeParse(texts[locale]);
    expect(result.success, JSON.stringify(result.error?.issues.slice(0, 3))).toBe(true);
  });

  it("has exactly the same strings in every language (no key missing anywhere)", () => {
    const en = leafPaths(texts.en).sort();
    expect(en.length).toBeGreaterThan(150);
    for (const locale of LOCALES) expect(leafPaths(texts[locale]).sort()).toEqual(en);
  });

  it("has no empty strings and no untranslated English in the Chinese texts", () => {
    for (const locale of LOCALES) {
      for (const value of leafValues(texts[locale])) expect(String(value).trim()).not.toBe("");
    }
    for (const locale of ["zh-Hans", "zh-Hant"] as const) {
      const identical = leafPaths(texts.en).filter((p, i) => leafValues(texts.en)[i] === leafValues(texts[locale])[i]);
      expect(identical).toEqual([]);
    }
  });

  it("gives each capability five distinct level descriptors and 2–4 suggestions per band", () => {
    for (const locale of LOCALES) {
      for (const id of q.capabilityIds) {
        const cap = q.text[locale].capabilities[id]!;
        const levels = [1, 2, 3, 4, 5].map((l) => cap.levels[l as 1]);
        expect(new Set(levels).size).toBe(5);
        for (const band of ["start", "build", "extend"] as const) {
          expect(cap.suggestions[band].length).toBeGreaterThanOrEqual(2);
          expect(cap.suggestions[band].length).toBeLessThanOrEqual(4);
        }
      }
    }
  });

  it("rejects a text with a missing string, naming where", () => {
    const broken = structuredClone(textHant) as typeof textHant;
    (broken.capabilities.coding.levels as Record<string, string>)["4"] = "";
    const result = questionnaireTextSchema(q.capabilityIds).safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path.join(".")).toBe("capabilities.coding.levels.4");
  });
});
