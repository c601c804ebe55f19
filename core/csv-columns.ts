import { z } from "zod";
import { SIZE_BANDS } from "./vocabulary";
import { LOCALES, ORG_ANSWERS, SENIORITIES } from "../questions/constants";
import { AGG_CAPABILITIES } from "./counters";

/** The responses CSV header, in order (docs/csv-format.md). */
export const RESPONSE_CSV_COLUMNS = [
  "response_id",
  "org",
  "org_name",
  "sector",
  "size_band",
  "wave",
  "department",
  "seniority",
  "submitted_at",
  "locale",
  ...AGG_CAPABILITIES.map((c) => `self_${c}`),
  ...AGG_CAPABILITIES.map((c) => `org_${c}`),
  "vision",
  "ld_awareness",
  "customer_understanding",
] as const;

/** The self_/org_ columns are built from the capability list, so a column name is a string. */
export type ResponseCsvColumn = string;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

const empty = z.literal("").transform(() => null);
const required = (what: string, max: number) =>
  z.string().trim().min(1, `is empty; ${what} is required`).max(max, `is longer than ${max} characters`);

const level = z.union([empty, z.string().regex(/^[1-5]$/).transform(Number)], {
  error: "is not a self rating; allowed: 1, 2, 3, 4, 5 or empty",
});
const orgAnswer = z.union([empty, z.enum(ORG_ANSWERS)], { error: `is not allowed; allowed: ${ORG_ANSWERS.join(", ")} or empty` });
const agree = z.union([empty, z.literal("dont_know").transform(() => 0), z.string().regex(/^[1-5]$/).transform(Number)], {
  error: "is not an agreement answer; allowed: 1, 2, 3, 4, 5, dont_know or empty",
});

/** Per-column validators; messages say what is wrong and what is allowed. */
export const COLUMN_SCHEMAS: Record<ResponseCsvColumn, z.ZodType> = {
  response_id: required("a response id", 64).regex(ID, "is not a valid id; allowed: 1–64 letters, digits, '-' or '_'"),
  org: required("the organisation slug", 64).regex(SLUG, "is not a valid slug; allowed: lowercase letters, digits and single hyphens"),
  org_name: required("the organisation name", 120),
  sector: required("the sector", 80),
  size_band: z.enum(SIZE_BANDS, { error: `is not a size band; allowed: ${SIZE_BANDS.join(", ")}` }),
  wave: required("the wave label", 40),
  department: z.union([empty, z.string().trim().min(1).max(80).regex(/^[^\u0000]*$/)], {
    error: "is not a department name; allowed: up to 80 characters without NUL, or empty",
  }),
  seniority: z.union([empty, z.enum(SENIORITIES)], { error: `is not allowed; allowed: ${SENIORITIES.join(", ")} or empty` }),
  submitted_at: z
    .string()
    .regex(ISO_8601, "is not an ISO 8601 date-time; allowed: e.g. 2026-05-04T09:30:00Z")
    .refine((s) => !Number.isNaN(Date.parse(s)), "is not a real date-time")
    .transform((s) => new Date(s).toISOString()),
  locale: z.enum(LOCALES, { error: `is not a supported locale; allowed: ${LOCALES.join(", ")}` }),
  self_data: level,
  self_security: level,
  self_coding: level,
  self_mobile: level,
  self_social: level,
  self_analytics: level,
  self_cloud: level,
  self_ai: level,
  org_data: orgAnswer,
  org_security: orgAnswer,
  org_coding: orgAnswer,
  org_mobile: orgAnswer,
  org_social: orgAnswer,
  org_analytics: orgAnswer,
  org_cloud: orgAnswer,
  org_ai: orgAnswer,
  vision: agree,
  ld_awareness: agree,
  customer_understanding: agree,
};

export type ParsedRow = Record<ResponseCsvColumn, string | number | null>;

export type CellError = { line: number; column: string; message: string };

/** Validates one data row (cells in header order); returns the typed row or one error per bad cell. */
export function parseRow(cells: readonly string[], header: readonly ResponseCsvColumn[], line: number): { row: ParsedRow } | { errors: CellError[] } {
  const errors: CellError[] = [];
  const row = {} as ParsedRow;
  if (cells.length !== header.length) {
    return { errors: [{ line, column: "(row)", message: `has ${cells.length} cells; expected ${header.length}, one per header column` }] };
  }
  header.forEach((column, i) => {
    const raw = cells[i] ?? "";
    const schema = COLUMN_SCHEMAS[column];
    if (!schema) throw new Error(`no validator for column ${column}`);
    const parsed = schema.safeParse(raw);
    if (parsed.success) row[column] = parsed.data as string | number | null;
    else errors.push({ line, column, message: `${JSON.stringify(truncate(raw))} ${parsed.error.issues[0]?.message ?? "is not valid"}` });
  });
  return errors.length ? { errors } : { row };
}

function truncate(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

export function formatCellError(e: CellError): string {
  return `line ${e.line}, column ${e.column}: ${e.message}`;
}
