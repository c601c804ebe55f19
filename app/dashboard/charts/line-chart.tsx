"use client";

import type { ChartData, ChartOptions } from "chart.js";
import { Chart } from "react-chartjs-2";
import "./setup";

type Props = {
  categories: string[];
  series: { label: string; values: (number | null)[]; color: string; dash?: number[]; marker?: "circle" | "rectRot" | "triangle" | "rect" }[];
  label: string;
  unit?: string;
  min?: number;
  max?: number;
  height?: number;
};

/** Figures wave by wave; a wave too small to show leaves a gap. */
export function LineChart({ categories, series, label, unit = "", min = 0, max = 100, height = 260 }: Props) {
  const data = {
    labels: categories,
    datasets: series.map((s) => ({
      label: s.label,
      data: s.values,
      borderColor: s.color,
      backgroundColor: s.color,
      borderDash: s.dash,
      borderWidth: 2.5,
      pointRadius: 5,
      pointStyle: s.marker ?? "circle",
      spanGaps: false,
    })),
  } as ChartData<"line">;
  const options: ChartOptions<"line"> = {
    responsive: true,
    maintainAspectRatio: false,
    scales: {
      y: { min, max, grid: { color: "#e9edf1" }, ticks: { callback: (v: string | number) => `${v}${unit}` } },
      x: { grid: { display: false }, offset: true },
    },
    plugins: { legend: { position: "bottom", labels: { usePointStyle: true, boxWidth: 10, padding: 16 } } },
  };
  return (
    <div className="chart-box dash-chart" style={{ height }} role="img" aria-label={label}>
      <Chart type="line" data={data} options={options} />
    </div>
  );
}
