/*
 * Plain-language sentences for the dashboards' findings and priorities, in the reader's language.
 * Each states its sample sizes and says whether a difference is statistically clear (p < 0.05).
 * Pure: figures and message templates come in, strings go out.
 */
import type { DashboardMessages } from "../i18n/dashboard-messages";
import { format } from "../i18n/messages";
import type { Locale } from "../i18n/locale";
import { formatInteger, formatPercent, formatPValue, formatRho, numberFormat } from "../format/numbers";
import type { SpearmanMethod } from "../../core/stats/index";
import type { Change } from "./changes";
import type { Findings, SeniorityFinding, SplitComparison, SplitFinding } from "./figures";
import type { Priority } from "./priority-ranking";

type SentenceMessages = DashboardMessages["sentences"];

// Dashboard pages import these from here; they live in lib/format/numbers.ts.
export { formatPNumber, formatPValue, formatRho } from "../format/numbers";

function significance(points: number, pValue: number, significant: boolean, m: SentenceMessages, locale: Locale): string {
  return format(significant ? m.clear : m.unclear, { points: formatPercent(Math.abs(points), locale), p: formatPValue(pValue) });
}

/** F1 for the organisation, with the benchmark and, when given, the test against the other organisations. */
export function f1Sentences(
  org: Findings["f1"],
  benchmark: Findings["f1"] & { organisations?: number },
  vsOthers: { change: Change; others: { count: number; n: number } } | null,
  m: SentenceMessages,
  locale: Locale,
  min: number,
): string[] {
  if (org.suppressed) return [format(m.suppressedF1, { min })];
  const out = [
    format(m.f1, { pct: formatPercent(org.agree.pct, locale), n: formatInteger(org.agree.n, locale), dis: formatPercent(org.disagreePct, locale) }),
  ];
  if (vsOthers && vsOthers.others.n > 0) {
    out.push(format(m.f1Benchmark, { pct: formatPercent((vsOthers.others.count / vsOthers.others.n) * 100, locale), n: formatInteger(vsOthers.others.n, locale) }));
    // The change is "organisation − others"; the sentence names its size and whether it is clear.
    out.push(significance(vsOthers.change.change, vsOthers.change.pValue, vsOthers.change.significant, m, locale));
  } else if (!benchmark.suppressed) {
    out.push(format(m.f1BenchmarkOnly, { pct: formatPercent(benchmark.agree.pct, locale), n: formatInteger(benchmark.agree.n, locale) }));
  }
  return out;
}

/** F2–F4: the two groups with their sizes, whether the difference is clear, and the benchmark's pair. */
export function splitSentences(kind: "f2" | "f3" | "f4", org: SplitFinding, benchmark: SplitFinding, m: SentenceMessages, locale: Locale, min: number): string[] {
  if (org.suppressed) return [format(m.suppressedSplit, { min })];
  const out = [
    format(m[kind], {
      yes: formatPercent(org.yes.agree.pct, locale),
      nYes: formatInteger(org.yes.n, locale),
      no: formatPercent(org.no.agree.pct, locale),
      nNo: formatInteger(org.no.n, locale),
    }),
    significance(org.comparison.differencePoints, org.comparison.pValue, org.comparison.significant, m, locale),
  ];
  if (!benchmark.suppressed) {
    out.push(format(m.splitBenchmark, { yes: formatPercent(benchmark.yes.agree.pct, locale), no: formatPercent(benchmark.no.agree.pct, locale) }));
  }
  return out;
}

/**
 * F2–F4's details line: the odds ratio with its 95% (Woolf) interval and the test used with its p,
 * e.g. "Odds ratio 15.00 (95% interval 4.29–52.43) · Pearson's chi-square test, p < 0.001", and a
 * note when 0.5 was added to every cell. Ratios keep two decimals.
 */
export function comparisonDetails(
  c: Pick<SplitComparison, "oddsRatio" | "oddsRatioCi95" | "oddsRatioCorrected" | "test" | "pValue">,
  m: Pick<DashboardMessages["summary"], "comparisonDetails" | "comparisonCorrected" | "comparisonTests">,
  locale: Locale,
): string[] {
  const ratio = (x: number) => numberFormat(locale, 2).format(x);
  const line = format(m.comparisonDetails, {
    or: ratio(c.oddsRatio),
    low: ratio(c.oddsRatioCi95[0]),
    high: ratio(c.oddsRatioCi95[1]),
    test: m.comparisonTests[c.test],
    p: formatPValue(c.pValue),
  });
  return c.oddsRatioCorrected ? [line, m.comparisonCorrected] : [line];
}

/** F5: perceived coverage of senior people against staff, and the test on the all-three share. */
export function seniorityGapSentences(f5: SeniorityFinding, m: SentenceMessages, locale: Locale, min: number): string[] {
  if (f5.suppressed) return [format(m.suppressedF5, { min })];
  return [
    format(m.f5, {
      senior: formatPercent(f5.senior.perceivedCoverage, locale),
      staff: formatPercent(f5.staff.perceivedCoverage, locale),
      gap: formatPercent(f5.gapPoints, locale),
      nSenior: formatInteger(f5.senior.n, locale),
      nStaff: formatInteger(f5.staff.n, locale),
    }),
    format(m.f5AllThree, { senior: formatPercent(f5.senior.allThree.pct, locale), staff: formatPercent(f5.staff.allThree.pct, locale) }),
    significance(f5.comparison.differencePoints, f5.comparison.pValue, f5.comparison.significant, m, locale),
  ];
}

/** Strength words for a rank correlation: strong ≥ 0.5, moderate ≥ 0.3, weak > 0, none otherwise. */
export function linkStrength(rho: number): "strong" | "moderate" | "weak" | "none" {
  if (rho >= 0.5) return "strong";
  if (rho >= 0.3) return "moderate";
  if (rho > 0) return "weak";
  return "none";
}

/** Significance level below which a rank correlation across organisations is called statistically clear. */
export const LINK_ALPHA = 0.05;

/**
 * The words for a capability's link: "unclear" whenever its p is 0.05 or more, however large rho is
 * (with few organisations a large rho is easily chance: rho 0.8 on 5 has exact p 0.133); otherwise
 * the strength of rho (linkStrength). The p is exact up to 10 organisations (spearmanTest).
 */
export function linkWording(link: { rho: number; pValue: number }): "strong" | "moderate" | "weak" | "none" | "unclear" {
  if (!(link.pValue < LINK_ALPHA)) return "unclear";
  return linkStrength(link.rho);
}

/** The analysis page's sentence on the organisation-level rank correlation, saying when it is not statistically clear. */
export function rhoSentence(
  r: { rho: number; pValue: number; organisations: number; method?: SpearmanMethod },
  m: Pick<DashboardMessages["analysis"], "rho" | "rhoUnclear" | "rhoMethods">,
  locale: Locale,
): string {
  const p = r.method ? `${formatPValue(r.pValue)}, ${m.rhoMethods[r.method]}` : formatPValue(r.pValue);
  return format(r.pValue < LINK_ALPHA ? m.rho : m.rhoUnclear, { rho: formatRho(r.rho), n: formatInteger(r.organisations, locale), p });
}

/** Why a capability is a priority: where it stands against the benchmark and how it goes with customer understanding. */
export function prioritySentences(p: Priority, m: SentenceMessages, locale: Locale): string[] {
  const coverage = formatPercent(p.coverage, locale);
  let where: string;
  if (p.tier === "below_median") {
    where = format(m.actionBelowMedian, { coverage, points: formatPercent(p.pointsBelowMedian!, locale), median: formatPercent(p.benchmarkMedian!, locale) });
  } else if (p.tier === "below_top_quartile") {
    where = format(m.actionBelowTop, { coverage, points: formatPercent(p.pointsBelowTopQuartile!, locale), top: formatPercent(p.benchmarkTopQuartile!, locale) });
  } else if (p.tier === "top_quartile") {
    where = format(m.actionTop, { coverage, top: formatPercent(p.benchmarkTopQuartile!, locale) });
  } else {
    where = format(m.action, { coverage });
  }
  if (p.link.suppressed) return [where, m.linkUnknown];
  const wording = linkWording(p.link);
  if (wording === "unclear") return [where, format(m.linkUnclear, { rho: formatRho(p.link.rho), p: formatPValue(p.link.pValue) })];
  const template = { strong: m.linkStrong, moderate: m.linkModerate, weak: m.linkWeak, none: m.linkNone }[wording];
  return [where, format(template, { rho: formatRho(p.link.rho) })];
}

/** Reading of Cronbach's alpha (George & Mallery's rule of thumb). */
export function reliabilityLevel(alpha: number): "excellent" | "good" | "acceptable" | "questionable" | "poor" {
  if (alpha >= 0.9) return "excellent";
  if (alpha >= 0.8) return "good";
  if (alpha >= 0.7) return "acceptable";
  if (alpha >= 0.6) return "questionable";
  return "poor";
}
