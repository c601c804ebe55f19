/*
 * How the figure builders (lib/benchmark/figures.ts) ask whether a figure may be shown. A gate comes
 * from a release's plan (a view of an organisation's wave), from the comparison rule for pooled
 * benchmark figures, or — for pure statistics with no plan — from the threshold alone.
 */
import type { FigureKey, ViewKey, WavePlan } from "./plan";
import { meetsThreshold } from "./threshold";

export type FigureGate = { readonly allows: (key: FigureKey, base: number) => boolean; readonly min: number };

/** Only the threshold: a figure is shown when its base has at least `min` people. */
export function thresholdGate(min: number): FigureGate {
  return { min, allows: (_key, base) => meetsThreshold(base, min) };
}

/** What a release's plan allows in one view (a hidden view shows nothing). */
export function planGate(plan: WavePlan | null, view: ViewKey): FigureGate {
  const list = plan?.views[view];
  const set = new Set(list ?? []);
  const min = plan?.min ?? Infinity;
  return { min, allows: (key, base) => set.has(key) && meetsThreshold(base, min) };
}

export function toGate(rule: number | FigureGate): FigureGate {
  return typeof rule === "number" ? thresholdGate(rule) : rule;
}

export const NOTHING: FigureGate = { min: Infinity, allows: () => false };
