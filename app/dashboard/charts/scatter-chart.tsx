"use client";

import type { ChartData, ChartOptions, TooltipItem } from "chart.js";
import { Chart } from "react-chartjs-2";
import { PALETTE, wrapLabel } from "./setup";

type Props = {
  others: { x: number; y: number; count: number }[];
  self: { x: number; y: number } | null;
  othersLabel: string;
  selfLabel: string;
  xLabel: string;
  yLabel: string;
  label: string;
};

/** Organisations as anonymous points (merged points grow with their count); this organisation highlighted. */
export function ScatterChart({ others, self, othersLabel, selfLabel, xLabel, yLabel, label }: Props) {
  const radius = (count: number) => Math.min(9, 3 + Math.sqrt(count) * 0.8);
  // The axis ends a little past the largest coverage so clustered points are not squeezed into a corner.
  const xs = [...others.map((p) => p.x), ...(self ? [self.x] : [])];
  const xMax = Math.min(100, Math.max(20, Math.ceil((Math.max(0, ...xs) + 5) / 10) * 10));
  const data = {
    datasets: [
      ...(self
        ? [
            {
              type: "scatter" as const,
              label: selfLabel,
              data: [self],
              backgroundColor: PALETTE.self,
              borderColor: "#1b1b1b",
              borderWidth: 2,
              pointRadius: 9,
              pointHoverRadius: 10,
              pointStyle: "rectRot",
              order: 0,
            },
          ]
        : []),
      {
        type: "scatter" as const,
        label: othersLabel,
        data: others,
        backgroundColor: "rgba(86, 110, 133, 0.35)",
        borderColor: "rgba(60, 80, 100, 0.55)",
        borderWidth: 0.8,
        pointRadius: others.map((p) => radius(p.count)),
        order: 1,
      },
    ],
  } as unknown as ChartData<"scatter">;
  const options: ChartOptions<"scatter"> = {
    responsive: true,
    maintainAspectRatio: false,
    scales: {
      x: { min: 0, max: xMax, title: { display: true, text: xLabel }, grid: { color: "#e9edf1" }, ticks: { callback: (v: string | number) => `${v}%` } },
      y: { min: 0, max: 100, title: { display: true, text: wrapLabel(yLabel, 26) }, grid: { color: "#e9edf1" }, ticks: { callback: (v: string | number) => `${v}%` } },
    },
    plugins: {
      legend: { position: "bottom", labels: { usePointStyle: true, boxWidth: 10, padding: 16 } },
      tooltip: {
        callbacks: {
          label: (item: TooltipItem<"scatter">) => {
            const p = item.raw as { x: number; y: number; count?: number };
            const n = p.count && p.count > 1 ? ` ×${p.count}` : "";
            return `${item.dataset.label}: ${p.x.toFixed(1)}%, ${p.y.toFixed(1)}%${n}`;
          },
        },
      },
    },
  };
  return (
    <div className="chart-box dash-chart" style={{ height: 380 }} role="img" aria-label={label}>
      <Chart type="scatter" data={data} options={options} />
    </div>
  );
}
