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
