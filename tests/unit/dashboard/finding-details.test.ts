import { describe, expect, it } from "vitest";
import { splitFinding } from "../../../lib/benchmark/figures";
import { comparisonDetails } from "../../../lib/benchmark/sentences";
import { dashboardMessages } from "../../../lib/i18n/dashboard-messages";

// F2–F4 on the Summary page (issue 11): the odds ratio with its 95% interval and the test used, with its p.
describe("F2–F4 details line", () => {
  it("gives the odds ratio, its Woolf interval and the chi-square test", () => {
    // Table [[25, 5], [10, 30]]: scipy.stats.contingency.odds_ratio(t, kind='sample') → statistic 15.0,
    // confidence_interval(0.95) → (4.52896041998527, 49.68027519232147);
    // stats.chi2_contingency(t, correction=False).pvalue = 1.3621872098901454e-06
    const f = splitFinding({ n: 30, agree: 25, dis: 2 }, { n: 40, agree: 10, dis: 20 }, 5);
    if (f.suppressed) throw new Error("expected a shown split");
    expect(comparisonDetails(f.comparison, dashboardMessages("en").summary, "en")).toEqual([
      "Odds ratio 15.00 (95% interval 4.53–49.68) · Pearson's chi-square test, p < 0.001",
    ]);
    const hans = comparisonDetails(f.comparison, dashboardMessages("zh-Hans").summary, "zh-Hans")[0]!;
    const hant = comparisonDetails(f.comparison, dashboardMessages("zh-Hant").summary, "zh-Hant")[0]!;
    expect(hans).toBe("优势比 15.00（95% 区间 4.53–49.68）· 皮尔逊卡方检验，p < 0.001");
    expect(hant).toBe("勝算比 15.00（95% 區間 4.53–49.68）· Pearson 卡方檢定，p < 0.001");
  });

  it("names Fisher's exact test and the 0.5 correction when a cell is empty", () => {
    // Table [[5, 0], [2, 5]] (+0.5 in every cell for the ratio): OR 5.5·5.5/(0.5·2.5) = 24.2,
    // exp(ln 24.2 ∓ stats.norm.ppf(0.975)·√(1/5.5 + 1/0.5 + 1/2.5 + 1/5.5)) = (0.9305975248920019, 629.3160945898336);
    // stats.fisher_exact([[5,0],[2,5]]).pvalue = 0.027777777777777776
    const f = splitFinding({ n: 5, agree: 5, dis: 0 }, { n: 7, agree: 2, dis: 3 }, 5);
    if (f.suppressed) throw new Error("expected a shown split");
    expect(f.comparison.test).toBe("fisher");
    expect(comparisonDetails(f.comparison, dashboardMessages("en").summary, "en")).toEqual([
      "Odds ratio 24.20 (95% interval 0.93–629.32) · Fisher's exact test, p = 0.028",
      "0.5 was added to every cell of the table because one was empty.",
    ]);
  });
});
