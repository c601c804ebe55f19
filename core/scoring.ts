import { AGREE_ANSWERS, SELF_LEVELS, type SuggestionBand } from "../questions/constants";

/** A respondent is able in a capability when they can do it on their own or teach it (self >= 4). */
export const ABLE_THRESHOLD = 4;

export function isAble(level: number): boolean {
  return level >= ABLE_THRESHOLD;
}

/** The self levels that count as able (4 and 5); measured coverage is their share. */
export const ABLE_LEVELS: readonly number[] = SELF_LEVELS.filter(isAble);

/** On the agreement scale of the organisation items (1..5, 0 = don't know): 4–5 agree, 1–2 disagree. */
export const AGREE_THRESHOLD = 4;

export function agrees(value: number): boolean {
  return value >= AGREE_THRESHOLD;
}

export function disagrees(value: number): boolean {
  return value >= 1 && value < 3;
}

/** The agreement scale's levels 1..5, without "don't know". */
export const AGREE_SCALE: readonly number[] = AGREE_ANSWERS.filter((a): a is Extract<typeof a, number> => typeof a === "number");
export const AGREE_LEVELS: readonly number[] = AGREE_SCALE.filter(agrees);
export const DISAGREE_LEVELS: readonly number[] = AGREE_SCALE.filter(disagrees);

export const INDEX_BANDS = ["developing", "capable", "proficient"] as const;
export type Band = (typeof INDEX_BANDS)[number];

/** Self level 1..5 mapped linearly onto 0..100. */
export function levelToScore(level: number): number {
  if (!Number.isInteger(level) || level < 1 || level > 5) throw new RangeError(`level must be 1..5, got ${level}`);
  return ((level - 1) / 4) * 100;
}

/** Digital capability index: mean of the self levels mapped 1..5 → 0..100. */
export function capabilityIndex(levels: readonly number[]): number {
  if (levels.length === 0) throw new RangeError("capabilityIndex needs at least one level");
  return levels.reduce((sum, l) => sum + levelToScore(l), 0) / levels.length;
}

/** Developing (< 50), Capable (50–74), Proficient (≥ 75). */
export function indexBand(index: number): Band {
  if (index < 50) return "developing";
  if (index < 75) return "capable";
  return "proficient";
}

/** One respondent's learning-suggestion band for one capability: levels 1–2 start, 3 build, able (4–5) extend. */
export function suggestionBandOfLevel(level: number): SuggestionBand {
  if (isAble(level)) return "extend";
  if (level === 3) return "build";
  return "start";
}

/**
 * The capabilities to learn next: the lowest self levels first; ties keep questionnaire order,
 * which puts the representative capabilities first.
 */
export function weakestCapabilities(levels: Record<string, number>, order: readonly string[], count = 3): string[] {
  return [...order]
    .filter((id) => levels[id] !== undefined)
    .sort((a, b) => (levels[a] ?? 0) - (levels[b] ?? 0) || order.indexOf(a) - order.indexOf(b))
    .slice(0, count);
}
