/*
 * The privacy rules, in one place: no figure from fewer than `min` responses, and no pair of figures
 * from which a suppressed group could be worked out by subtraction.
 */

export type Suppressed = { suppressed: true };
export const SUPPRESSED: Suppressed = Object.freeze({ suppressed: true });

/** A benchmark comparison group of other organisations needs at least this many organisations. */
export const MIN_COMPARISON_ORGS = 5;

export function isShown(n: number, min: number): boolean {
  return n >= min;
}

/**
 * Chooses which groups of a partition (they add up to a total that is shown) must be hidden. Groups
 * below `min` are hidden; if the hidden ones together still number fewer than `min` responses, the
 * next smallest groups are hidden too, so subtracting the shown groups from the total never
 * isolates fewer than `min` people.
 */
export function suppressPartition(groups: readonly { key: string; n: number }[], min: number): Set<string> {
  const hidden = new Set(groups.filter((g) => g.n > 0 && g.n < min).map((g) => g.key));
  if (hidden.size === 0) return hidden;
  const hiddenTotal = () => groups.filter((g) => hidden.has(g.key)).reduce((a, g) => a + g.n, 0);
  const visible = groups.filter((g) => !hidden.has(g.key) && g.n > 0).sort((a, b) => a.n - b.n || a.key.localeCompare(b.key));
  while (hiddenTotal() < min && visible.length > 0) hidden.add(visible.shift()!.key);
  return hidden;
}
