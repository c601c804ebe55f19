/*
 * The Summary view (for executives) as data: participation, the index against the benchmark, the
 * findings F1–F4 next to the whole benchmark with a sentence each, and three headline actions.
 * The page renders exactly this; GET /api/dashboard/{slug}/summary returns it as JSON.
 */
import type { Db } from "../../db/client";
import { percentageChange, type Change } from "../benchmark/changes";
import type { ComparisonGroups, GroupComparison } from "../benchmark/compare";
import { customerCounts, type Findings, type Shown, type SplitFinding } from "../benchmark/figures";
import { ownMember } from "../benchmark/report";
import { othersOf } from "../../core/disclosure/comparison";
import { participation, type Participation } from "../benchmark/participation";
import { f1Sentences, splitSentences } from "../benchmark/sentences";
import { mapReleased } from "../../core/disclosure/released";
import { dashboardMessages } from "../i18n/dashboard-messages";
import type { Locale } from "../i18n/locale";
import { dashboardMeta, type DashboardMeta } from "./common";
import { invitationsOfWave } from "./invitations";
import { priorityItems, type PriorityItem } from "./priority-items";
import { isFiltered, scopeReport, type DashboardScope } from "./scope";

export type VsOthers = { change: Change; others: { count: number; n: number } } | null;

export type SummaryData = {
  meta: DashboardMeta;
  participation: Participation | null;
  index: {
    organisation: Shown<{ n: number; mean: number; median: number }>;
    /** Against other organisations (whole organisation only). */
    comparison: ComparisonGroups | null;
    /** The distribution across all organisations (median, top quartile), for a department or level. */
    benchmark: GroupComparison;
  } | null;
  findings: {
    f1: { organisation: Findings["f1"]; benchmark: Findings["f1"]; vsOthers: VsOthers; sentences: string[] };
    f2: { organisation: SplitFinding; benchmark: SplitFinding; sentences: string[] };
    f3: { organisation: SplitFinding; benchmark: SplitFinding; sentences: string[] };
    f4: { organisation: SplitFinding; benchmark: SplitFinding; sentences: string[] };
  } | null;
  headlineActions: PriorityItem[];
};

export async function summaryData(db: Db, scope: DashboardScope, locale: Locale): Promise<SummaryData> {
  const meta = await dashboardMeta(db, scope, locale);
  const wave = scope.wave;
  const part = wave ? await participation(db, wave.id, wave.submitted, await invitationsOfWave(db, wave.id)) : null;
  if (scope.status !== "ok") return { meta, participation: part, index: null, findings: null, headlineActions: [] };

  const report = await scopeReport(db, scope);
  const m = dashboardMessages(locale);
  const f = report.figures.findings;
  const b = report.benchmark.findings;
  const idx = report.figures.index;

  let vsOthers: VsOthers = null;
  if (!f.f1.suppressed && !b.f1.suppressed) {
    // The other organisations: the benchmark without this organisation's whole contribution (its
    // benchmark wave), whichever wave or group is on screen.
    const own = await ownMember(db, scope.org.id, scope.min);
    // Its benchmark wave is in the pooled F1 only when its own release shows F1 for the whole wave.
    const inPool = own && own.plan.views.all?.includes("cu");
    const ownCounts = own && inPool ? customerCounts(own.counters) : null;
    const ownF1 = ownCounts ? { count: ownCounts.agree, n: ownCounts.base } : null;
    const others = othersOf(b.f1.agree, ownF1);
    if (others.n > 0) vsOthers = { change: percentageChange(others, f.f1.agree), others };
  }
  const headlineActions = (await priorityItems(db, scope, report, locale)).slice(0, 3);
  const splits = (k: "f2" | "f3" | "f4") => ({ organisation: f[k], benchmark: b[k], sentences: splitSentences(k, f[k], b[k], m.sentences, locale, scope.min) });

  return {
    meta,
    participation: part,
    index: {
      organisation: mapReleased(idx, (x) => ({ n: x.n, mean: x.mean, median: x.median })),
      comparison: isFiltered(scope) ? null : (report.comparison?.index ?? null),
      benchmark: report.benchmark.distributions.index,
    },
    findings: {
      f1: { organisation: f.f1, benchmark: b.f1, vsOthers, sentences: f1Sentences(f.f1, b.f1, vsOthers, m.sentences, locale, scope.min) },
      f2: splits("f2"),
      f3: splits("f3"),
      f4: splits("f4"),
    },
    headlineActions,
  };
}
