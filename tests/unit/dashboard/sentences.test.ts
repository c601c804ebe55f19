import { describe, expect, it } from "vitest";
import { percentageChange } from "../../../lib/benchmark/changes";
import { percentage, splitFinding, type SeniorityFinding } from "../../../lib/benchmark/figures";
import { rankPriorities } from "../../../lib/benchmark/priority-ranking";
import { formatPercent, formatPValue } from "../../../lib/format/numbers";
import { f1Sentences, linkStrength, prioritySentences, reliabilityLevel, seniorityGapSentences, splitSentences } from "../../../lib/benchmark/sentences";
import { release, SUPPRESSED } from "../../../core/disclosure/released";
import { dashboardMessages } from "../../../lib/i18n/dashboard-messages";

const en = dashboardMessages("en");
const hans = dashboardMessages("zh-Hans");
const hant = dashboardMessages("zh-Hant");

describe("split finding sentences (F2–F4)", () => {
  it("states both groups with their sizes and says when the difference is statistically clear", () => {
    // Table [[25, 5], [10, 30]]: stats.chi2_contingency([[25,5],[10,30]], correction=False).pvalue = 1.3621872098901454e-06
    const org = splitFinding({ n: 30, agree: 25, dis: 2 }, { n: 40, agree: 10, dis: 20 }, 5);
    const benchmark = splitFinding({ n: 1316, agree: 1157, dis: 80 }, { n: 6094, agree: 2250, dis: 2200 }, 5);
    expect(splitSentences("f2", org, benchmark, en.sentences, "en", 5)).toEqual([
      "Where people say everyone can use data software, talk about cyber security and talk about coding, 83% agree that everyone understands the customers (n = 30); elsewhere 25% (n = 40).",
      "The difference of 58 points is statistically clear (p < 0.001).",
      "Across the benchmark: 88% and 37%.",
    ]);
  });

  it('says "not statistically clear" with the p-value when it is not', () => {
    // Table [[15, 15], [18, 22]]: stats.chi2_contingency([[15,15],[18,22]], correction=False).pvalue = 0.6783491019531577
    const org = splitFinding({ n: 30, agree: 15, dis: 5 }, { n: 40, agree: 18, dis: 10 }, 5);
    const [first, second] = splitSentences("f3", org, SUPPRESSED, en.sentences, "en", 5);
    expect(first).toBe("Where people agree that leadership has set a clear digital vision, 50% agree that everyone understands the customers (n = 30); elsewhere 45% (n = 40).");
    expect(second).toBe("The difference of 5 points is not statistically clear (p = 0.678): with these numbers it could be chance.");
  });

  it("uses Fisher's exact test's p when an expected count is under 5", () => {
    // Table [[4, 1], [2, 5]]: min expected 2.5 → stats.fisher_exact([[4,1],[2,5]]).pvalue = 0.24242424242424238
    const org = splitFinding({ n: 5, agree: 4, dis: 0 }, { n: 7, agree: 2, dis: 3 }, 5);
    expect(org.suppressed || org.comparison.test).toBe("fisher");
    expect(splitSentences("f4", org, SUPPRESSED, en.sentences, "en", 5)[1]).toBe(
      "The difference of 51 points is not statistically clear (p = 0.242): with these numbers it could be chance.",
    );
  });

  it("explains a suppressed split instead of showing figures", () => {
    const org = splitFinding({ n: 4, agree: 3, dis: 0 }, { n: 40, agree: 10, dis: 20 }, 5);
    expect(splitSentences("f2", org, SUPPRESSED, en.sentences, "en", 5)).toEqual(["Not shown: one of the two groups has fewer than 5 responses."]);
  });

  it("speaks the reader's language, with the same figures", () => {
    const org = splitFinding({ n: 30, agree: 15, dis: 5 }, { n: 40, agree: 18, dis: 10 }, 5);
    const [hansFirst, hansSecond] = splitSentences("f3", org, SUPPRESSED, hans.sentences, "zh-Hans", 5);
    const [hantFirst, hantSecond] = splitSentences("f3", org, SUPPRESSED, hant.sentences, "zh-Hant", 5);
    for (const s of [hansFirst, hantFirst]) {
      expect(s).toMatch(/50%/);
      expect(s).toMatch(/n = 30/);
      expect(s).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(hansSecond).toContain("p = 0.678");
    expect(hansSecond).toContain("不具统计显著性");
    expect(hantSecond).toContain("不具統計顯著性");
  });
});

describe("F1 sentence", () => {
  it("compares the organisation with the other organisations and says the difference is not statistically clear", () => {
    // Organisation 70 of 140 agree, others 3440 of 7166:
    // stats.chi2_contingency([[70,70],[3440,3726]], correction=False).pvalue = 0.6397545543405502
    const org = release({ agree: percentage(70, 140), disagreePct: 30 });
    const others = { count: 3440, n: 7166 };
    const change = percentageChange(others, org.agree);
    expect(change.pValue).toBeCloseTo(0.6397545543405502, 10);
    expect(f1Sentences(org, release({ agree: percentage(3510, 7306), disagreePct: 30 }), { change, others }, en.sentences, "en", 5)).toEqual([
      "50% of the 140 respondents agree that everyone in the organisation fully understands its customers; 30% disagree.",
      "In the other organisations of the benchmark it is 48% of 7,166 respondents.",
      "The difference of 2 points is not statistically clear (p = 0.640): with these numbers it could be chance.",
    ]);
  });

  it("falls back to the whole benchmark, and explains suppression", () => {
    const org = release({ agree: percentage(10, 20), disagreePct: 25 });
    const benchmark = release({ agree: percentage(480, 1000), disagreePct: 30 });
    expect(f1Sentences(org, benchmark, null, en.sentences, "en", 5)[1]).toBe("Across the benchmark it is 48% of 1,000 respondents.");
    expect(f1Sentences(SUPPRESSED, benchmark, null, en.sentences, "en", 5)).toEqual(["Not shown: fewer than 5 responses answered this question."]);
  });
});

describe("F5 sentence", () => {
  it("gives the perceived coverage of both groups, their sizes and whether the all-three difference is clear", () => {
    // all three: senior 9 of 12, staff 6 of 14 → stats.chi2_contingency([[9,3],[6,8]], correction=False).pvalue = 0.09816751106897863
    const split = splitFinding({ n: 12, agree: 9, dis: 0 }, { n: 14, agree: 6, dis: 0 }, 5);
    if (split.suppressed) throw new Error("expected a shown split");
    const f5: SeniorityFinding = release({
      senior: { n: 12, perceivedCoverage: 62.4, measuredCoverage: 40, allThree: percentage(9, 12) },
      staff: { n: 14, perceivedCoverage: 41.2, measuredCoverage: 38, allThree: percentage(6, 14) },
      gapPoints: 21.2,
      comparison: split.comparison,
    });
    expect(seniorityGapSentences(f5, en.sentences, "en", 5)).toEqual([
      "Senior leaders and executives believe on average 62% of people can do each capability; staff and managers believe 41%, a gap of 21 points (n = 12 and 14).",
      "75% of senior people and 43% of staff say everyone can do all three representative capabilities.",
      "The difference of 32 points is not statistically clear (p = 0.098): with these numbers it could be chance.",
    ]);
  });
});

describe("priority sentences", () => {
  const link = { suppressed: false as const, rho: 0.61, pValue: 0.001, organisations: 60 };
  it("names the gap to the benchmark and the strength of the link", () => {
    const [below, above, top] = rankPriorities([
      { capability: "data", coverage: 38, n: 100, levels: { start: 30, build: 32, able: 38 }, benchmark: { median: 50.2, topQuartile: 61 }, link },
      { capability: "ai", coverage: 55, n: 100, levels: { start: 20, build: 25, able: 55 }, benchmark: { median: 50, topQuartile: 62 }, link: { ...link, rho: 0.2 } },
      { capability: "mobile", coverage: 81, n: 100, levels: { start: 5, build: 14, able: 81 }, benchmark: { median: 60, topQuartile: 75 }, link: { ...link, rho: -0.1 } },
    ]);
    expect(prioritySentences(below!, en.sentences, "en")).toEqual([
      "38% can do it on their own, 12 points below the benchmark median (50%).",
      "Across organisations it goes strongly with customer understanding (rho 0.61).",
    ]);
    expect(prioritySentences(above!, en.sentences, "en")).toEqual([
      "55% can do it on their own: above the median, 7 points below the top quartile (62%).",
      "Across organisations it goes only weakly with customer understanding (rho 0.20).",
    ]);
    expect(prioritySentences(top!, en.sentences, "en")[1]).toBe("Across organisations it does not go with customer understanding (rho -0.10).");
  });
});

describe("priority sentences without a benchmark or a link", () => {
  it("says only the coverage when fewer than five organisations make a benchmark, and that the link is unknown", () => {
    const [p] = rankPriorities([
      { capability: "cloud", coverage: 41.6, n: 24, levels: { start: 6, build: 8, able: 10 }, benchmark: null, link: { suppressed: true, organisations: 3 } },
    ]);
    expect(p!.tier).toBe("no_benchmark");
    expect(prioritySentences(p!, en.sentences, "en")).toEqual(["42% can do it on their own.", "Too few organisations to tell how it goes with customer understanding."]);
  });

  it("names a moderate link, in Chinese too", () => {
    const [p] = rankPriorities([
      { capability: "ai", coverage: 30, n: 80, levels: { start: 30, build: 26, able: 24 }, benchmark: { median: 41, topQuartile: 52 }, link: { suppressed: false, rho: 0.42, pValue: 0.003, organisations: 64 } },
    ]);
    expect(prioritySentences(p!, en.sentences, "en")).toEqual([
      "30% can do it on their own, 11 points below the benchmark median (41%).",
      "Across organisations it goes moderately with customer understanding (rho 0.42).",
    ]);
    const [hansWhere, hansLink] = prioritySentences(p!, hans.sentences, "zh-Hans");
    expect(hansWhere).toContain("30%");
    expect(hansWhere).toContain("41%");
    expect(hansLink).toContain("0.42");
    expect(hansLink).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("formatting", () => {
  it("p-values, percentages, link strength and reliability levels", () => {
    expect(formatPValue(0.0004)).toBe("p < 0.001");
    expect(formatPValue(0.04996)).toBe("p < 0.05");
    expect(formatPValue(0.0504)).toBe("p = 0.050");
    expect(formatPValue(0.049)).toBe("p = 0.049");
    expect(formatPercent(0.42, "en")).toBe("0.4");
    expect(formatPercent(83.4, "en")).toBe("83");
    expect(formatPercent(0, "en")).toBe("0");
    expect([0.5, 0.3, 0.1, 0, -0.4].map(linkStrength)).toEqual(["strong", "moderate", "weak", "none", "none"]);
    expect([0.95, 0.85, 0.75, 0.65, 0.3].map(reliabilityLevel)).toEqual(["excellent", "good", "acceptable", "questionable", "poor"]);
  });
});
