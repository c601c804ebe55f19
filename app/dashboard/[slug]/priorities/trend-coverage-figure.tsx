import type { WavePoint } from "@/lib/dashboard/priorities-view";
import { BarChart } from "../../charts/bar-chart";
import { Figure } from "../../figure";
import type { PageContext } from "../../page-context";

/** Older waves in lighter Okabe–Ito colours; the newest is the organisation's blue. */
const WAVE_COLOURS = ["#CC79A7", "#009E73", "#E69F00", "#56B4E9", "#0072B2"];

/** Each capability's coverage in every wave that can be shown, oldest first. */
export function TrendCoverageFigure({ ctx, shownWaves, capabilityOrder }: { ctx: PageContext; shownWaves: WavePoint[]; capabilityOrder: string[] }) {
  const { m, labels } = ctx;
  const t = m.priorities;
  return (
    <Figure
      id="trend-coverage"
      title={t.trendsCoverageTitle}
      caption={t.trendsChartCaption}
      chart={
        <BarChart
          categories={capabilityOrder.map(labels.capability)}
          series={shownWaves.map((w, i) => ({ label: w.label, values: capabilityOrder.map((c) => w.coverage[c] ?? null), color: WAVE_COLOURS[(i + WAVE_COLOURS.length - shownWaves.length) % WAVE_COLOURS.length]! }))}
          min={0}
          max={100}
          unit="%"
          height={300}
          label={t.trendsChartCaption}
        />
      }
    />
  );
}
