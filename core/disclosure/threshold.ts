/*
 * The privacy thresholds. This file and the rest of core/disclosure (with lib/disclosure/releases.ts) are the only code that compares a
 * count with the minimum group size; everything else asks the module whether a figure may be shown.
 */
import { env } from "../env";

/** A benchmark comparison group of other organisations needs at least this many organisations. */
export const MIN_COMPARISON_ORGS = 5;

/** The configured minimum group size (MIN_GROUP_SIZE, default 5, never below 3). */
export function minimumGroupSize(): number {
  return env().MIN_GROUP_SIZE;
}

/** True when a group of `n` people may be shown: none, or at least `min`. A group of 0 shows nothing. */
export function meetsThreshold(n: number, min: number): boolean {
  return n >= min;
}

/** True when two published figures with bases `n` ⊂ `m` differ by a group that must not be isolated. */
export function isSmallDifference(difference: number, min: number): boolean {
  return difference > 0 && difference < min;
}
