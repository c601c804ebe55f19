/*
 * Figures of one population (an organisation's wave, a filtered part of it, a sector, the whole
 * benchmark) computed from its counters, exactly as docs/figures.md defines them. Pure: no database.
 */
import {
  oddsRatio,
  phi,
  proportionDifference,
  twoByTwoTest,
  wilsonInterval,
} from "../../core/stats/index";
import { toGate, type FigureGate } from "../../core/disclosure/figure-gate";
import { gate, release, SUPPRESSED, type Released, type Shown, type Suppressed } from "../../core/disclosure/released";
import { AGG_CAPABILITIES, counter, INDEX_TOTAL_MAX, INDEX_TOTAL_MIN, ORG_VALUES, REPRESENTATIVE, type CounterVector } from "../../core/counters";
import { ABLE_LEVELS, AGREE_LEVELS, AGREE_SCALE, DISAGREE_LEVELS, INDEX_BANDS, indexBand, type Band } from "../../core/scoring";
import { SELF_LEVELS } from "../../questions/constants";

export type { Released, Shown } from "../../core/disclosure/released";
export type Percentage = { n: number; count: number; pct: number; ci95: [number, number] };
/** A plan's gate, or a bare minimum group size (pure statistics without a plan). */
export type Rule = number | FigureGate;

const pct = (x: number) => x * 100;

export function percentage(count: number, n: number): Percentage {
  const w = wilsonInterval(count, n);
  return { n, count, pct: pct(w.proportion), ci95: [pct(w.lower), pct(w.upper)] };
}


export function sumRange(v: CounterVector, prefix: string, values: readonly (string | number)[]): number {
  return values.reduce<number>((a, x) => a + counter(v, `${prefix}${x}`), 0);
}

/** Measured coverage of a capability as counts: respondents answering its self item, and those able (ABLE_LEVELS). */
export function coverageCounts(v: CounterVector, capability: string): { able: number; base: number } {
  return { able: sumRange(v, `s_${capability}_`, ABLE_LEVELS), base: sumRange(v, `s_${capability}_`, SELF_LEVELS) };
}

/** Measured coverage in %, NaN when nobody answered. */
export function coveragePct(v: CounterVector, capability: string): number {
  const { able, base } = coverageCounts(v, capability);
  return base > 0 ? pct(able / base) : NaN;
}

// ── Coverage, perception, perception gap ─────────────────────────────────────────────

export type CapabilityFigures = {
  capability: string;
  /** Measured coverage: % of respondents answering self_c who are able (self >= ABLE_THRESHOLD). */
  coverage: Shown<Percentage>;
  /** % answering org_c = yes ("everyone in my organisation can …"). */
  perceived: Shown<Percentage>;
  /** perceived − coverage, in percentage points. */
  perceptionGap: Shown<{ points: number }>;
  meanLevel: Shown<{ mean: number; n: number }>;
};

export function capabilityFigures(v: CounterVector, rule: Rule): CapabilityFigures[] {
  const g = toGate(rule);
  return AGG_CAPABILITIES.map((c) => {
    const { able, base } = coverageCounts(v, c);
    const levelSum = SELF_LEVELS.reduce<number>((a, l) => a + l * counter(v, `s_${c}_${l}`), 0);
    const orgBase = sumRange(v, `o_${c}_`, ORG_VALUES);
    const yes = counter(v, `o_${c}_yes`);
    const selfShown = g.allows(`self:${c}`, base);
    const coverage = gate(selfShown, () => percentage(able, base));
    const perceived = gate(g.allows(`org:${c}`, orgBase), () => percentage(yes, orgBase));
    return {
      capability: c,
      coverage,
      perceived,
      perceptionGap:
        !coverage.suppressed && !perceived.suppressed ? release({ points: perceived.pct - coverage.pct }) : SUPPRESSED,
      meanLevel: gate(selfShown, () => ({ mean: levelSum / base, n: base })),
    };
  });
}

// ── Digital capability index ─────────────────────────────────────────────────────────

export type IndexDistribution = {
  n: number;
  mean: number;
  median: number;
  /** Respondents per band: Developing (< 50), Capable (50–74), Proficient (≥ 75). */
  bands: Record<Band, number>;
  /** Histogram over the 33 possible index values (sum of eight levels 8..40 → 0..100). */
  histogram: { index: number; count: number }[];
};

export const totalToIndex = (total: number) => ((total - INDEX_TOTAL_MIN) / (INDEX_TOTAL_MAX - INDEX_TOTAL_MIN)) * 100;

export function indexDistribution(v: CounterVector, rule: Rule): Shown<IndexDistribution> {
  const histogram: { index: number; count: number }[] = [];
  for (let t = INDEX_TOTAL_MIN; t <= INDEX_TOTAL_MAX; t++) histogram.push({ index: totalToIndex(t), count: counter(v, `idx_${t}`) });
  const n = histogram.reduce((a, h) => a + h.count, 0);
  return gate(toGate(rule).allows("index", n), () => {
    const mean = histogram.reduce((a, h) => a + h.index * h.count, 0) / n;
    const bands = Object.fromEntries(INDEX_BANDS.map((b) => [b, 0])) as Record<Band, number>;
    for (const h of histogram) bands[indexBand(h.index)] += h.count;
    return { n, mean, median: histogramQuantile(histogram, 0.5), bands, histogram };
  });
}

/** Type-7 quantile of the values a histogram describes (equal to numpy.quantile on the expanded data). */
export function histogramQuantile(histogram: readonly { index: number; count: number }[], p: number): number {
  const n = histogram.reduce((a, h) => a + h.count, 0);
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const valueAt = (k: number) => {
    let seen = 0;
    for (const bin of histogram) {
      seen += bin.count;
      if (k < seen) return bin.index;
    }
    return histogram[histogram.length - 1]!.index;
  };
  const a = valueAt(lo);
  const b = valueAt(Math.min(lo + 1, n - 1));
  return a + (h - lo) * (b - a);
}

export function meanIndex(v: CounterVector): { n: number; mean: number } {
  let n = 0;
  let sum = 0;
  for (let t = INDEX_TOTAL_MIN; t <= INDEX_TOTAL_MAX; t++) {
    const c = counter(v, `idx_${t}`);
    n += c;
    sum += c * totalToIndex(t);
  }
  return { n, mean: n > 0 ? sum / n : NaN };
}

// ── Reliability ───────────────────────────────────────────────────────────────────────

/**
 * Cronbach's alpha of the eight self items from sufficient statistics (complete respondents only):
 * item sums and sums of squares, and the distribution of totals. Same value as on the raw rows.
 */
export function cronbachAlphaFromCounters(v: CounterVector, rule: Rule): Shown<{ alpha: number; n: number; items: number }> {
  let n = 0;
  let tSum = 0;
  let tSq = 0;
  for (let t = INDEX_TOTAL_MIN; t <= INDEX_TOTAL_MAX; t++) {
    const c = counter(v, `idx_${t}`);
    n += c;
    tSum += c * t;
    tSq += c * t * t;
  }
  return gate(n >= 2 && toGate(rule).allows("index", n), () => {
    const k = AGG_CAPABILITIES.length;
    const variance = (sum: number, sq: number) => (sq - (sum * sum) / n) / (n - 1);
    const itemVar = AGG_CAPABILITIES.reduce((a, c) => a + variance(counter(v, `a_sum_${c}`), counter(v, `a_sq_${c}`)), 0);
    const totalVar = variance(tSum, tSq);
    const alpha = totalVar > 0 ? (k / (k - 1)) * (1 - itemVar / totalVar) : NaN;
    return { alpha, n, items: k };
  });
}

// ── Findings ──────────────────────────────────────────────────────────────────────────

export type GroupFigures = { n: number; agree: Percentage; disagreePct: number };

export type SplitComparison = {
  /** Difference of % agree (group "yes" − group "no") in points, with Newcombe's 95% interval. */
  differencePoints: number;
  differenceCi95: [number, number];
  oddsRatio: number;
  oddsRatioCi95: [number, number];
  /** True when 0.5 was added to every cell because one was 0. */
  oddsRatioCorrected: boolean;
  test: "chi_square" | "fisher";
  chiSquare: number | null;
  pValue: number;
  phi: number;
  significant: boolean;
};

export type SplitFinding = Released<{ yes: GroupFigures; no: GroupFigures; comparison: SplitComparison }> | Suppressed;

function group(n: number, agree: number, disagree: number): GroupFigures {
  return { n, agree: percentage(agree, n), disagreePct: n > 0 ? pct(disagree / n) : NaN };
}

/**
 * One split (agree vs not agree on the split item): both groups must be shown, or neither — the
 * total is public, so showing one would reveal the other.
 */
export function splitFinding(yes: { n: number; agree: number; dis: number }, no: { n: number; agree: number; dis: number }, rule: Rule, key: "f2" | "f3" | "f4" | "f5" = "f2"): SplitFinding {
  if (!toGate(rule).allows(key, Math.min(yes.n, no.n))) return SUPPRESSED;
  const a = yes.agree;
  const b = yes.n - yes.agree;
  const c = no.agree;
  const d = no.n - no.agree;
  const diff = proportionDifference(yes.agree, yes.n, no.agree, no.n);
  const or = oddsRatio(a, b, c, d);
  const test = twoByTwoTest(a, b, c, d);
  return release({
    yes: group(yes.n, yes.agree, yes.dis),
    no: group(no.n, no.agree, no.dis),
    comparison: {
      differencePoints: pct(diff.difference),
      differenceCi95: [pct(diff.lower), pct(diff.upper)],
      oddsRatio: or.oddsRatio,
      oddsRatioCi95: [or.lower, or.upper],
      oddsRatioCorrected: or.corrected,
      test: test.test,
      chiSquare: test.statistic,
      pValue: test.pValue,
      phi: phi(a, b, c, d),
      significant: test.pValue < 0.05,
    },
  });
}

function splitFrom(v: CounterVector, f: "f2" | "f3" | "f4", rule: Rule): SplitFinding {
  const g = (k: "y" | "n") => ({ n: counter(v, `${f}_${k}_n`), agree: counter(v, `${f}_${k}_agree`), dis: counter(v, `${f}_${k}_dis`) });
  return splitFinding(g("y"), g("n"), rule, f);
}

export type SeniorityGroup = {
  n: number;
  /** Mean over the eight capabilities of % answering "everyone can" = yes. */
  perceivedCoverage: number;
  /** Mean over the eight capabilities of measured coverage (% able). */
  measuredCoverage: number;
  /** % who say everyone can do all three representative capabilities. */
  allThree: Percentage;
};

export type SeniorityFinding = Released<{ senior: SeniorityGroup; staff: SeniorityGroup; gapPoints: number; comparison: SplitComparison }> | Suppressed;

function seniorityGroup(v: CounterVector, g: "senior" | "staff"): SeniorityGroup {
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, x) => a + x, 0) / xs.length : NaN);
  const perceived: number[] = [];
  const measured: number[] = [];
  for (const c of AGG_CAPABILITIES) {
    const on = counter(v, `${g}_o_${c}_n`);
    const sn = counter(v, `${g}_s_${c}_n`);
    if (on > 0) perceived.push(pct(counter(v, `${g}_o_${c}_yes`) / on));
    if (sn > 0) measured.push(pct(counter(v, `${g}_s_${c}_able`) / sn));
  }
  return {
    n: counter(v, `${g}_n`),
    perceivedCoverage: mean(perceived),
    measuredCoverage: mean(measured),
    allThree: percentage(counter(v, `${g}_all3_yes`), counter(v, `${g}_all3_n`)),
  };
}

/**
 * F5: how senior leaders and executives see the organisation's coverage against staff and managers.
 * The test compares the share saying everyone can do all three representative capabilities.
 */
export function seniorityFinding(v: CounterVector, rule: Rule): SeniorityFinding {
  const senior = seniorityGroup(v, "senior");
  const staff = seniorityGroup(v, "staff");
  const g = toGate(rule);
  if (!g.allows("f5", Math.min(senior.n, staff.n))) return SUPPRESSED;
  const split = splitFinding(
    { n: senior.allThree.n, agree: senior.allThree.count, dis: 0 },
    { n: staff.allThree.n, agree: staff.allThree.count, dis: 0 },
    g,
    "f5",
  );
  if (split.suppressed) return SUPPRESSED;
  return release({ senior, staff, gapPoints: senior.perceivedCoverage - staff.perceivedCoverage, comparison: split.comparison });
}

export type Findings = {
  f1: Shown<{ agree: Percentage; disagreePct: number }>;
  f2: SplitFinding;
  f3: SplitFinding;
  f4: SplitFinding;
  f5: SeniorityFinding;
};

export function findings(v: CounterVector, rule: Rule): Findings {
  const g = toGate(rule);
  const { agree, disagree, base: cuBase } = customerCounts(v);
  return {
    f1: gate(g.allows("cu", cuBase), () => ({ agree: percentage(agree, cuBase), disagreePct: pct(disagree / cuBase) })),
    f2: splitFrom(v, "f2", g),
    f3: splitFrom(v, "f3", g),
    f4: splitFrom(v, "f4", g),
    f5: seniorityFinding(v, g),
  };
}

/** Measured coverage of the three representative capabilities: their minimum (organisation level). */
export function representativeCoverage(v: CounterVector): number {
  return Math.min(...REPRESENTATIVE.map((c) => coveragePct(v, c)));
}

/** F1 as counts: respondents answering customer understanding (don't know included), agreeing, disagreeing. */
export function customerCounts(v: CounterVector): { agree: number; disagree: number; base: number } {
  return { agree: sumRange(v, "cu_", AGREE_LEVELS), disagree: sumRange(v, "cu_", DISAGREE_LEVELS), base: sumRange(v, "cu_", [...AGREE_SCALE, "dk"]) };
}

export function customerAgreePct(v: CounterVector): number {
  const { agree, base } = customerCounts(v);
  return base > 0 ? pct(agree / base) : NaN;
}
