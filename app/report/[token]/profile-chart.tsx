"use client";

import { Chart as ChartJS, Filler, Legend, LineElement, PointElement, RadialLinearScale, Tooltip } from "chart.js";
import { Radar } from "react-chartjs-2";

ChartJS.register(RadialLinearScale, PointElement, LineElement, Filler, Tooltip, Legend);

export type ProfileSeries = { label: string; values: number[]; color: string; dash?: number[] };

/** Radar chart of self levels (1–5); a data table alternative is rendered next to it by the page. */
export function ProfileChart({ labels, series, title }: { labels: string[]; series: ProfileSeries[]; title: string }) {
  return (
    <div className="chart-box" role="img" aria-label={title}>
      <Radar
        data={{
          labels,
          datasets: series.map((s) => ({
            label: s.label,
            data: s.values,
            borderColor: s.color,
            backgroundColor: `${s.color}22`,
            pointBackgroundColor: s.color,
            borderDash: s.dash,
            borderWidth: 2,
            fill: s.dash ? false : true,
          })),
        }}
        options={{
          responsive: true,
          maintainAspectRatio: true,
          animation: false,
          scales: { r: { min: 0, max: 5, ticks: { stepSize: 1, backdropColor: "transparent" }, pointLabels: { font: { size: 12 } } } },
          plugins: { legend: { position: "bottom" } },
        }}
      />
    </div>
  );
}
