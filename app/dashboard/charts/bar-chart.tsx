"use client";

import type { ChartData, ChartOptions, TooltipItem } from "chart.js";
import { Chart } from "react-chartjs-2";
import { intervalWhiskers, wrapLabel } from "./setup";

export type BarSeries = {
  label: string;
  values: (number | null)[];
  color: string;
  /** One colour per bar instead of one per series. */
  colors?: string[];
  /** 95% intervals drawn as whiskers. */
  ci?: ([number, number] | null)[];
  /** "bar" (default) or a reference marker drawn over the bars (median, top quartile). */
  kind?: "bar" | "marker";
  marker?: "line" | "triangle" | "rectRot" | "circle";
};

type Props = {
  categories: string[];
  series: BarSeries[];
  /** Caption read by screen readers; the data table next to the chart has the same figures. */
  label: string;
  horizontal?: boolean;
  min?: number;
  max?: number;
  unit?: string;
  height?: number;
  decimals?: number;
  stacked?: boolean;
  intervalLabel?: string;
  legend?: boolean;
};

/** Grouped bars with optional interval whiskers and reference markers. */
export function BarChart({ categories, series, label, horizontal = false, min, max, unit = "", height = 300, decimals = 0, stacked = false, intervalLabel = "95%", legend = true }: Props) {
  const valueAxis = horizontal ? "x" : "y";
  const fmt = (v: number) => `${v.toFixed(decimals)}${unit}`;
  const data = {
    labels: horizontal ? categories.map((c) => wrapLabel(c, 22)) : categories.map((c) => wrapLabel(c)),
    datasets: series.map((s) =>
      s.kind === "marker"
        ? {
            type: "line" as const,
            label: s.label,
            data: s.values,
            showLine: false,
            indexAxis: horizontal ? ("y" as const) : ("x" as const),
            pointStyle: s.marker ?? "line",
            pointRadius: s.marker === "line" ? 11 : 6,
            pointHoverRadius: s.marker === "line" ? 12 : 7,
            pointBorderWidth: s.marker === "line" ? 3 : 1.5,
            pointRotation: s.marker === "line" && !horizontal ? 0 : s.marker === "line" ? 90 : 0,
            borderColor: s.color,
            backgroundColor: s.color,
            order: 0,
          }
        : {
            type: "bar" as const,
            label: s.label,
            data: s.values,
            backgroundColor: s.colors ?? s.color,
            borderColor: s.colors ?? s.color,
            borderRadius: 3,
            maxBarThickness: 38,
            ci: s.ci,
            order: 1,
          },
    ),
  } as unknown as ChartData<"bar">;
  const options: ChartOptions<"bar"> = {
    responsive: true,
    maintainAspectRatio: false,
    indexAxis: horizontal ? "y" : "x",
    scales: {
      [valueAxis]: {
        min,
        max,
        stacked,
        grid: { color: "#e9edf1" },
        ticks: { callback: (v: string | number) => `${v}${unit}` },
      },
      [horizontal ? "y" : "x"]: { stacked, grid: { display: false }, ticks: { autoSkip: false, maxRotation: 0 } },
    },
    plugins: {
      legend: { display: legend, position: "bottom", labels: { usePointStyle: true, boxWidth: 10, padding: 16, sort: (a, b) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0) } },
      tooltip: {
        callbacks: {
          label: (item: TooltipItem<"bar">) => {
            const v = item.raw as number | null;
            if (v === null || v === undefined) return `${item.dataset.label}: –`;
            const ci = (item.dataset as { ci?: ([number, number] | null)[] }).ci?.[item.dataIndex];
            return `${item.dataset.label}: ${fmt(v)}${ci ? ` (${intervalLabel} ${fmt(ci[0])}–${fmt(ci[1])})` : ""}`;
          },
        },
      },
    },
  };
  return (
    <div className="chart-box dash-chart" style={{ height }} role="img" aria-label={label}>
      <Chart type="bar" data={data} options={options} plugins={[intervalWhiskers]} />
    </div>
  );
}
