/*
 * Classical item analysis of the knowledge checks (pure): per check its difficulty (proportion
 * right), corrected point-biserial discrimination, "don't know" rate and option choices; KR-20 per
 * capability and overall. The flag thresholds are the common rules of thumb of classical test theory.
 */
import { correctedPointBiserial, kr20 } from "./stats";
import { isCorrect } from "./checks";
import { checkItem } from "../questions/check-bank";
import { CHECK_ANSWERS, CHECK_SLOT_PATTERN, type CheckAnswer } from "../questions/constants";

/** Discrimination below this says the check hardly separates who knows from who does not. */
export const MIN_DISCRIMINATION = 0.2;
/** Proportions right above or below these say the check is too easy or too hard to tell people apart. */
export const MAX_PROPORTION_RIGHT = 0.95;
export const MIN_PROPORTION_RIGHT = 0.15;

export type ItemFlag = "low_discrimination" | "too_easy" | "too_hard";

export type ItemFigures = {
  /** Respondents who were given the check. */
  n: number;
  proportionRight: number;
  /** Corrected point-biserial: correlation of the check with the respondent's other checks' total. */
  discrimination: number;
  dontKnowRate: number;
  /** Share of the n who chose each answer ("dont_know" included; unanswered counts in none). */
  options: Record<CheckAnswer, number>;
  flags: ItemFlag[];
};

export type ReliabilityFigure = { n: number; items: number; kr20: number };

export type ItemAnalysisData = {
  /** Respondents with every slot drawn and answered, the base of the KR-20 figures. */
  complete: number;
  items: Map<string, ItemFigures>;
  /** KR-20 per capability (over its slots) and "overall" (over every slot). */
  reliability: Map<string, ReliabilityFigure>;
};

export function itemFlags(f: Pick<ItemFigures, "proportionRight" | "discrimination">): ItemFlag[] {
  const flags: ItemFlag[] = [];
  if (Number.isFinite(f.discrimination) && f.discrimination < MIN_DISCRIMINATION) flags.push("low_discrimination");
  if (f.proportionRight > MAX_PROPORTION_RIGHT) flags.push("too_easy");
  if (f.proportionRight < MIN_PROPORTION_RIGHT) flags.push("too_hard");
  return flags;
}

/**
 * Analyses the checks of submitted responses: `rows` give, per response and per slot (in `slots`
 * order), the check drawn and the answer. The checks of one slot are treated as parallel forms of
 * one item for KR-20, since every respondent gets a different draw.
 */
export function analyseItems(slots: readonly string[], rows: readonly { items: readonly (string | null)[]; answers: readonly (string | null)[] }[]): ItemAnalysisData {
  const scored = rows.map((r) => slots.map((_, i) => (r.items[i] && checkItem(r.items[i]!) ? (isCorrect(checkItem(r.items[i]!)!, r.answers[i]) ? 1 : 0) : null)));
  const totals = scored.map((s) => s.reduce<number>((t, v) => t + (v ?? 0), 0));

  const perItem = new Map<string, { scores: number[]; totals: number[]; chosen: Record<CheckAnswer, number> }>();
  rows.forEach((r, k) => {
    slots.forEach((_, i) => {
      const id = r.items[i];
      const score = scored[k]![i];
      if (!id || score === null || score === undefined) return;
      let entry = perItem.get(id);
      if (!entry) perItem.set(id, (entry = { scores: [], totals: [], chosen: Object.fromEntries(CHECK_ANSWERS.map((a) => [a, 0])) as Record<CheckAnswer, number> }));
      entry.scores.push(score);
      entry.totals.push(totals[k]!);
      const answer = r.answers[i] as CheckAnswer | null;
      if (answer && answer in entry.chosen) entry.chosen[answer]++;
    });
  });
  const items = new Map<string, ItemFigures>();
  for (const [id, e] of perItem) {
    const n = e.scores.length;
    const proportionRight = e.scores.reduce((a, b) => a + b, 0) / n;
    const discrimination = n >= 3 ? correctedPointBiserial(e.scores, e.totals) : NaN;
    const options = Object.fromEntries(CHECK_ANSWERS.map((a) => [a, e.chosen[a] / n])) as Record<CheckAnswer, number>;
    items.set(id, { n, proportionRight, discrimination, dontKnowRate: options.dont_know, options, flags: itemFlags({ proportionRight, discrimination }) });
  }

  const complete = scored.filter((s) => s.every((v) => v !== null)) as number[][];
  const reliability = new Map<string, ReliabilityFigure>();
  const groups = new Map<string, number[]>();
  slots.forEach((slot, i) => {
    const capability = CHECK_SLOT_PATTERN.exec(slot)?.[1] ?? slot;
    groups.set(capability, [...(groups.get(capability) ?? []), i]);
  });
  groups.set("overall", slots.map((_, i) => i));
  for (const [key, columns] of groups) {
    const matrix = complete.map((s) => columns.map((i) => s[i]!));
    reliability.set(key, { n: matrix.length, items: columns.length, kr20: matrix.length >= 2 && columns.length >= 2 ? kr20(matrix) : NaN });
  }
  return { complete: complete.length, items, reliability };
}
