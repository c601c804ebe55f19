/*
 * The training priorities of a scope, with the questionnaire's names and learning suggestions and a
 * sentence saying why each capability is where it is.
 */
import type { Db } from "../../db/client";
import { readReleasedCounters } from "../disclosure/releases";
import { capabilityLevelBands, rankPriorities, type Priority } from "../benchmark/priority-ranking";
import type { OrganisationReport } from "../benchmark/report";
import { prioritySentences } from "../benchmark/sentences";
import { dashboardMessages } from "../i18n/dashboard-messages";
import type { Locale } from "../i18n/locale";
import { getQuestionnaire } from "../../questions";
import { capabilityBenchmarks, linksFor } from "./common";
import type { DashboardScope } from "./scope";

export type PriorityItem = Priority & { name: string; reason: string[]; suggestions: string[] };

export async function priorityItems(db: Db, scope: DashboardScope, report: OrganisationReport, locale: Locale): Promise<PriorityItem[]> {
  const wave = scope.wave!;
  const q = getQuestionnaire(wave.questionnaireVersion);
  const text = q.text[locale];
  const m = dashboardMessages(locale);
  const bands = capabilityLevelBands(await readReleasedCounters(db, wave.id, scope.filter));
  const benchmarks = capabilityBenchmarks(report, scope);
  const links = await linksFor(db, scope.min);
  const inputs = report.figures.capabilities.flatMap((c) => {
    if (c.coverage.suppressed) return [];
    const b = benchmarks[c.capability]!;
    return [
      {
        capability: c.capability,
        coverage: c.coverage.pct,
        n: c.coverage.n,
        levels: bands[c.capability]!,
        benchmark: b.suppressed ? null : { median: b.median, topQuartile: b.topQuartile },
        link: links[c.capability]!,
      },
    ];
  });
  return rankPriorities(inputs).map((p) => ({
    ...p,
    name: text.capabilities[p.capability]?.name ?? p.capability,
    reason: prioritySentences(p, m.sentences, locale),
    suggestions: text.capabilities[p.capability]?.suggestions[p.band] ?? [],
  }));
}
