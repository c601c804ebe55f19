"use client";

import type { ChartData, ChartOptions } from "chart.js";
import { Chart } from "react-chartjs-2";
import { PALETTE } from "./setup";

type Props = { days: string[]; counts: number[]; cumulative: number[]; perDayLabel: string; cumulativeLabel: string; label: string };

/** Responses per day (bars, left axis) and the running total (line, right axis). */
export function ParticipationChart({ days, counts, cumulative, perDayLabel, cumulativeLabel, label }: Props) {
  const data = {
    labels: days,
    datasets: [
      { type: "bar" as const, label: perDayLabel, data: counts, backgroundColor: PALETTE.organisation, borderRadius: 2, yAxisID: "y", order: 2 },
      {
        type: "line" as const,
        label: cumulativeLabel,
        data: cumulative,
        borderColor: PALETTE.benchmark,
        backgroundColor: PALETTE.benchmark,
        borderWidth: 2.5,
        pointRadius: 0,
        tension: 0.2,
        yAxisID: "total",
        order: 1,
      },
    ],
  } as unknown as ChartData<"bar">;
  const options: ChartOptions<"bar"> = {
    responsive: true,
    maintainAspectRatio: false,
    interaction: { mode: "index", intersect: false },
    scales: {
      x: { grid: { display: false }, ticks: { maxRotation: 0, autoSkip: true, maxTicksLimit: 10 } },
      y: { beginAtZero: true, grid: { color: "#e9edf1" }, ticks: { precision: 0 }, title: { display: true, text: perDayLabel } },
      total: { position: "right", beginAtZero: true, grid: { display: false }, ticks: { precision: 0 }, title: { display: true, text: cumulativeLabel } },
    },
    // Legend in dataset order (bars first), not in drawing order.
    plugins: { legend: { position: "bottom", labels: { usePointStyle: true, boxWidth: 10, padding: 16, sort: (a, b) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0) } } },
  };
  return (
    <div className="chart-box dash-chart" style={{ height: 240 }} role="img" aria-label={label}>
      <Chart type="bar" data={data} options={options} />
    </div>
  );
}
