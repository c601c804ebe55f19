import Papa from "papaparse";
import { z } from "zod";
import { normaliseEmail } from "../../db/queries/users";
import { LOCALES, type Locale } from "../i18n/locale";

/** Roster CSV: a header row with `email` and optionally `department` and `locale`, one person per row. */
export const ROSTER_COLUMNS = ["email", "department", "locale"] as const;
export const MAX_ROSTER_ROWS = 5000;
export const MAX_ROSTER_BYTES = 1024 * 1024;

export type RosterEntry = { line: number; email: string; department: string | null; locale: Locale };
export type RosterResult = { ok: true; entries: RosterEntry[] } | { ok: false; errors: string[]; errorCount: number };

const emailSchema = z.email({ error: "is not a valid email address" }).max(254, "is longer than 254 characters");

/**
 * Parses and validates a roster. Every problem is reported as `line N, column X: …; allowed: …`,
 * and a roster with any problem is refused as a whole.
 */
export function parseRoster(text: string, departments: readonly string[], defaultLocale: Locale, maxErrors = 50): RosterResult {
  const errors: string[] = [];
  let errorCount = 0;
  const fail = (line: number, column: string, message: string) => {
    errorCount++;
    if (errors.length < maxErrors) errors.push(`line ${line}, column ${column}: ${message}`);
  };
  if (Buffer.byteLength(text, "utf8") > MAX_ROSTER_BYTES) {
    return { ok: false, errors: [`the roster is larger than ${MAX_ROSTER_BYTES / 1024} KiB; split it into several uploads`], errorCount: 1 };
  }
  const parsed = Papa.parse<string[]>(text.replace(/^\ufeff/, ""), { skipEmptyLines: "greedy" });
  const rows = parsed.data;
  if (rows.length === 0) return { ok: false, errors: ["the roster is empty; the first row must be a header with email (and optionally department, locale)"], errorCount: 1 };

  const header = rows[0]!.map((h) => h.trim().toLowerCase());
  const seen = new Set<string>();
  header.forEach((h) => {
    if (!(ROSTER_COLUMNS as readonly string[]).includes(h)) fail(1, h || "(empty)", `is not a roster column; allowed: ${ROSTER_COLUMNS.join(", ")}`);
    else if (seen.has(h)) fail(1, h, "appears twice in the header");
    seen.add(h);
  });
  if (!seen.has("email")) fail(1, "email", "is missing from the header; a roster needs an email column");
  if (errorCount > 0) return { ok: false, errors, errorCount };
  if (rows.length - 1 > MAX_ROSTER_ROWS) {
    return { ok: false, errors: [`the roster has ${rows.length - 1} people; at most ${MAX_ROSTER_ROWS} per upload`], errorCount: 1 };
  }

  const col = (name: string) => header.indexOf(name);
  const canonical = new Map(departments.map((d) => [d.toLowerCase(), d]));
  const firstLine = new Map<string, number>();
  const entries: RosterEntry[] = [];
  // papaparse reports no line numbers; count the newlines inside quoted cells as we go.
  let line = 1 + (rows[0]!.join("").match(/\n/g)?.length ?? 0);
  for (const cells of rows.slice(1)) {
    line++;
    const thisLine = line;
    line += cells.join("").match(/\n/g)?.length ?? 0;
    if (cells.length !== header.length) {
      fail(thisLine, "(row)", `has ${cells.length} cells; the header has ${header.length}`);
      continue;
    }
    const rawEmail = (cells[col("email")] ?? "").trim();
    const email = normaliseEmail(rawEmail);
    const emailCheck = emailSchema.safeParse(email);
    let ok = true;
    if (!rawEmail) {
      fail(thisLine, "email", "is empty; every person needs an email address");
      ok = false;
    } else if (!emailCheck.success) {
      fail(thisLine, "email", `"${rawEmail.slice(0, 80)}" ${emailCheck.error.issues[0]!.message}`);
      ok = false;
    } else if (firstLine.has(email)) {
      fail(thisLine, "email", `${email} appears twice (first on line ${firstLine.get(email)})`);
      ok = false;
    }
    if (emailCheck.success && !firstLine.has(email)) firstLine.set(email, thisLine);

    let department: string | null = null;
    const rawDept = col("department") >= 0 ? (cells[col("department")] ?? "").trim() : "";
    if (rawDept) {
      const match = canonical.get(rawDept.toLowerCase());
      if (!match) {
        fail(
          thisLine,
          "department",
          departments.length
            ? `"${rawDept.slice(0, 80)}" is not a department of this organisation; allowed: ${departments.join(", ")} (or empty)`
            : `"${rawDept.slice(0, 80)}": this organisation lists no departments, so leave it empty (or add departments first)`,
        );
        ok = false;
      } else department = match;
    }

    let locale: Locale = defaultLocale;
    const rawLocale = col("locale") >= 0 ? (cells[col("locale")] ?? "").trim() : "";
    if (rawLocale) {
      const match = LOCALES.find((l) => l.toLowerCase() === rawLocale.toLowerCase());
      if (!match) {
        fail(thisLine, "locale", `"${rawLocale.slice(0, 20)}" is not a supported language; allowed: ${LOCALES.join(", ")} (or empty for the default)`);
        ok = false;
      } else locale = match;
    }
    if (ok) entries.push({ line: thisLine, email, department, locale });
  }
  if (entries.length === 0 && errorCount === 0) return { ok: false, errors: ["the roster has a header but nobody in it"], errorCount: 1 };
  return errorCount > 0 ? { ok: false, errors, errorCount } : { ok: true, entries };
}
