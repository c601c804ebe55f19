import { describe, expect, it } from "vitest";
import { rankPriorities } from "../../../lib/benchmark/priority-ranking";
import { linkWording, prioritySentences, rhoSentence, seniorityGapSentences } from "../../../lib/benchmark/sentences";
import { dashboardMessages } from "../../../lib/i18n/dashboard-messages";
import { spearmanTest } from "../../../core/stats/index";
import { sampleSeniorityFinding } from "../../helpers/findings";

const en = dashboardMessages("en");
const hans = dashboardMessages("zh-Hans");
const hant = dashboardMessages("zh-Hant");

describe("link words take the p-value into account, not rho alone (issue 11)", () => {
  // Five organisations, rho 0.8: exact permutation p 16/120 = 0.13333333333333333
  // (scipy.stats.permutation_test, pairings, n_resamples=np.inf; tests/unit/stats/reference_figures.py).
  const r = spearmanTest([10, 20, 30, 40, 50], [20, 25, 22, 50, 45]);
  const link = { suppressed: false as const, rho: r.rho, pValue: r.pValue, method: r.method, organisations: 5 };

  it("a strong rho with p >= 0.05 is not statistically clear, and never 'strong'", () => {
    expect(r.pValue).toBeCloseTo(0.13333333333333333, 15);
    expect(linkWording(link)).toBe("unclear");
    expect(linkWording({ rho: 0.61, pValue: 0.001 })).toBe("strong");
    expect(linkWording({ rho: 0.99, pValue: 0.05 })).toBe("unclear");
    expect(linkWording({ rho: 0.2, pValue: 0.049 })).toBe("weak");
    expect(linkWording({ rho: 0.9, pValue: NaN })).toBe("unclear");
  });

  it("says so in the priority sentence, in all three languages", () => {
    const [p] = rankPriorities([{ capability: "data", coverage: 38, n: 100, levels: { start: 30, build: 32, able: 38 }, benchmark: { median: 50.2, topQuartile: 61 }, link }]);
    expect(prioritySentences(p!, en.sentences, "en")).toEqual([
      "38% can do it on their own, 12 points below the benchmark median (50%).",
      "Across organisations its link with customer understanding is not statistically clear (rho 0.80, p = 0.133): with this many organisations it could be chance.",
    ]);
    const hansLink = prioritySentences(p!, hans.sentences, "zh-Hans")[1]!;
    const hantLink = prioritySentences(p!, hant.sentences, "zh-Hant")[1]!;
    expect(hansLink).toContain("不具统计显著性");
    expect(hantLink).toContain("不具統計顯著性");
    for (const s of [hansLink, hantLink]) {
      expect(s).toContain("0.80");
      expect(s).toContain("p = 0.133");
      expect(s).not.toMatch(/高度相关|高度相關/);
    }
    // The weight of the ranking still uses rho (documented in priorities.ts).
    expect(p!.linkWeight).toBeCloseTo(0.8, 12);
  });

  it("the analysis page's rho sentence names the exact test and says when it is not clear", () => {
    // rho 1 on 5 organisations: exact p 2/120 = 0.0167, clear; never "p < 0.001".
    const perfect = spearmanTest([1, 2, 3, 4, 5], [2, 4, 6, 8, 10]);
    expect(rhoSentence({ ...perfect, organisations: 5 }, en.analysis, "en")).toBe("Spearman's rho 1.00 across 5 organisations (p = 0.017, exact permutation test).");
    expect(rhoSentence({ ...r, organisations: 5 }, en.analysis, "en")).toBe(
      "Spearman's rho 0.80 across 5 organisations (p = 0.133, exact permutation test): not statistically clear; with this few organisations it could be chance.",
    );
    expect(rhoSentence({ ...r, organisations: 5 }, hans.analysis, "zh-Hans")).toContain("不具统计显著性");
    expect(rhoSentence({ ...r, organisations: 5 }, hant.analysis, "zh-Hant")).toContain("不具統計顯著性");
    expect(rhoSentence({ ...r, organisations: 5 }, hant.analysis, "zh-Hant")).toContain("精確排列檢定");
  });
});

describe("F5 claims no significance for the perceived-coverage gap", () => {
  it("the gap sentence carries no p and no verdict; the test's sentence is about the all-three share", () => {
    const f5 = sampleSeniorityFinding();
    for (const [m, locale] of [[en, "en"], [hans, "zh-Hans"], [hant, "zh-Hant"]] as const) {
      const [gap, allThree, test] = seniorityGapSentences(f5, m.sentences, locale, 5);
      expect(gap).toContain("21"); // the perceived gap, in points
      expect(gap).not.toMatch(/p [=<]|statistically|统计|統計/);
      expect(allThree).toContain("75%");
      // The significance sentence gives the all-three difference (75 − 43 = 32 points), not the 21-point gap.
      expect(test).toContain("32");
      expect(test).not.toContain("21");
      expect(test).toContain("p = 0.098");
    }
  });
});
