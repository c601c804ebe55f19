import Papa from "papaparse";

/**
 * OWASP CSV injection: a text cell starting with =, +, -, @, tab, carriage return or line feed is
 * prefixed with ' (papaparse then quotes it). Numbers are never altered.
 */
export const FORMULA_START = /^[=+\-@\t\r\n]/;

export const BOM = "\ufeff";

/** RFC 4180 lines (CRLF) for rows of cells, with formula neutralisation. */
export function csvLines(rows: unknown[][]): string {
  if (rows.length === 0) return "";
  return Papa.unparse(rows, { header: false, newline: "\r\n", escapeFormulae: FORMULA_START, quotes: false }) + "\r\n";
}

/** Anything csvCell must look at twice: a formula start, a space at either end, or a character that needs quotes. */
const SPECIAL = /^[=+\-@\t\r\n ]|[",\r\n\ufeff]| $/;
const QUOTE = /"/g;

/**
 * One cell exactly as csvLines writes it (papaparse's unparse with the same options), for the
 * export's hot loop: null and undefined are empty, numbers are written as they are, and text is
 * prefixed with ' when it starts like a formula and quoted when it contains a comma, quote, CR, LF
 * or BOM, starts or ends with a space, or was prefixed.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString();
  const text = String(value);
  if (!SPECIAL.test(text)) return text;
  if (FORMULA_START.test(text)) return `"'${text.replace(QUOTE, '""')}"`;
  return `"${text.replace(QUOTE, '""')}"`;
}
