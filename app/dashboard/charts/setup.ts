"use client";

import {
  BarController,
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  Tooltip,
  type Plugin,
} from "chart.js";
import { PALETTE } from "../palette";
import { wrapLabel } from "./labels";

/*
 * chart.js for the dashboards only: the pieces these charts use, registered once. This module is
 * imported by the dashboard chart components alone, so no other page downloads chart.js for them.
 */
ChartJS.register(BarController, BarElement, LineController, LineElement, PointElement, ScatterController, CategoryScale, LinearScale, Filler, Legend, Tooltip);
ChartJS.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "Noto Sans CJK TC", sans-serif';
ChartJS.defaults.font.size = 12;
ChartJS.defaults.color = "#3b4856";
ChartJS.defaults.borderColor = "#e3e8ee";
ChartJS.defaults.animation = false;

/*
 * Marks the chart's wrapper data-drawn="true" once Chart.js has finished drawing (afterRender fires
 * after the last animation frame, or right after the draw when animation is off), so tests and
 * tools wait for the drawn chart, not for network silence. An update marks it "false" until redrawn.
 */
const DRAWN = "data-drawn";
export const drawnSignal: Plugin = {
  id: "drawnSignal",
  beforeUpdate(chart) {
    chart.canvas.parentElement?.setAttribute(DRAWN, "false");
  },
  afterRender(chart) {
    // A chart in a box of no size draws nothing; it is not drawn until it has room.
    if (chart.width > 0 && chart.height > 0) chart.canvas.parentElement?.setAttribute(DRAWN, "true");
  },
};
ChartJS.register(drawnSignal);

/** Draws 95% interval whiskers over bars whose dataset carries `ci: ([low, high] | null)[]`. */
export const intervalWhiskers: Plugin = {
  id: "intervalWhiskers",
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    const horizontal = chart.options.indexAxis === "y";
    const valueScale = horizontal ? chart.scales.x : chart.scales.y;
    if (!valueScale) return;
    chart.data.datasets.forEach((dataset, i) => {
      const ci = (dataset as { ci?: ([number, number] | null)[] }).ci;
      const meta = chart.getDatasetMeta(i);
      if (!ci || meta.hidden || meta.type !== "bar") return;
      ctx.save();
      ctx.strokeStyle = "#1b1b1b";
      ctx.lineWidth = 1.3;
      meta.data.forEach((element, k) => {
        const interval = ci[k];
        if (!interval) return;
        const { x, y } = element.getProps(["x", "y"], true) as { x: number; y: number };
        const lo = valueScale.getPixelForValue(interval[0]);
        const hi = valueScale.getPixelForValue(interval[1]);
        const cap = 4;
        ctx.beginPath();
        if (horizontal) {
          ctx.moveTo(lo, y);
          ctx.lineTo(hi, y);
          ctx.moveTo(lo, y - cap);
          ctx.lineTo(lo, y + cap);
          ctx.moveTo(hi, y - cap);
          ctx.lineTo(hi, y + cap);
        } else {
          ctx.moveTo(x, lo);
          ctx.lineTo(x, hi);
          ctx.moveTo(x - cap, lo);
          ctx.lineTo(x + cap, lo);
          ctx.moveTo(x - cap, hi);
          ctx.lineTo(x + cap, hi);
        }
        ctx.stroke();
      });
      ctx.restore();
    });
  },
};

/** Charts follow their box when the page switches to print layout and back. */
if (typeof window !== "undefined") {
  const resizeAll = () => {
    for (const chart of Object.values(ChartJS.instances)) chart.resize();
  };
  window.matchMedia("print").addEventListener("change", resizeAll);
  window.addEventListener("beforeprint", resizeAll);
  window.addEventListener("afterprint", resizeAll);
}

export { ChartJS, PALETTE, wrapLabel };
