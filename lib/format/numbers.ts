/*
 * Every number the app shows or exports is formatted here: in the reader's language for pages and
 * sentences, in statistical notation for p and rho, and rounded but unformatted for CSV and JSON.
 * No zod or server code, so client components can import it.
 */
import type { Locale } from "../../questions/constants";

const DASH = "–";
const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * A number formatter with `min`–`max` fraction digits, made once per locale and digits:
 * constructing an Intl.NumberFormat costs about 70 µs, formatting with one about 2 µs, and a
 * dashboard page formats hundreds of numbers.
 */
export function numberFormat(locale: Locale, min: number, max = min): Intl.NumberFormat {
  const key = `${locale}|${min}|${max}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(locale, { minimumFractionDigits: min, maximumFractionDigits: max })));
  return f;
}

/** A count in the locale's style, up to three decimals (what toLocaleString gives). */
export function formatNumber(locale: Locale, n: number): string {
  return numberFormat(locale, 0, 3).format(n);
}

export function formatInteger(n: number, locale: Locale): string {
  return numberFormat(locale, 0).format(n);
}

/** A percentage or point value for reading: whole numbers, one decimal below 1 so a small difference does not read as 0. */
export function formatPercent(x: number, locale: Locale): string {
  const abs = Math.abs(x);
  const digits = abs > 0 && abs < 1 ? 1 : 0;
  return numberFormat(locale, digits).format(x);
}

/** p for a table column headed "p": "< 0.001", the value to three decimals, or "< 0.05" when rounding would print 0.050 for a p below it. */
export function formatPNumber(p: number): string {
  if (p < 0.001) return "< 0.001";
  const text = p.toFixed(3);
  return p < 0.05 && Number(text) >= 0.05 ? "< 0.05" : text;
}

/** p in running text, in statistical notation (the same in every language): "p < 0.001", "p = 0.042". */
export function formatPValue(p: number): string {
  const n = formatPNumber(p);
  return n.startsWith("<") ? `p ${n}` : `p = ${n}`;
}

export function formatRho(rho: number): string {
  return rho.toFixed(2);
}

// ── Dashboard cells: a dash where there is no number ──────────────────────────────────

export function fmtNum(x: number | null | undefined, locale: Locale, digits = 0): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
  return numberFormat(locale, digits).format(x);
}

export function fmtPct(x: number | null | undefined, locale: Locale, digits = 0): string {
  const s = fmtNum(x, locale, digits);
  return s === DASH ? s : `${s}%`;
}

export function fmtSigned(x: number | null | undefined, locale: Locale, digits = 0): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
  const s = fmtNum(Math.abs(x), locale, digits);
  return x > 0 && s !== fmtNum(0, locale, digits) ? `+${s}` : x < 0 && s !== fmtNum(0, locale, digits) ? `−${s}` : s;
}

/** "42–58%"; with a negative bound the numbers get a true minus and the dash spaces ("−6.3 – 18.4"), so "-6–18" is not misread. */
export function fmtInterval(ci: [number, number] | null | undefined, locale: Locale, digits = 0, unit = "%"): string {
  if (!ci) return DASH;
  const bound = (x: number) => (x < 0 ? `−${fmtNum(-x, locale, digits)}` : fmtNum(x, locale, digits));
  const separator = ci[0] < 0 || ci[1] < 0 ? " – " : "–";
  return `${bound(ci[0])}${separator}${bound(ci[1])}${unit}`;
}

// ── Exports (CSV, JSON): rounded numbers, not text ────────────────────────────────────

export function roundTo(x: number, digits: number): number {
  return Math.round(x * 10 ** digits) / 10 ** digits;
}

/** A CSV cell: the number rounded, or empty when there is none. */
export function roundedCell(x: number | null | undefined, digits = 1): number | "" {
  return x === null || x === undefined || !Number.isFinite(x) ? "" : roundTo(x, digits);
}

/** p-values keep three significant digits in exports (a tiny p must not round to 0). */
export function exportPValue(p: number): string {
  return String(Number(p.toPrecision(3)));
}
