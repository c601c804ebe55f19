/*
 * The dashboards' query string: ?wave=<label>&department=<name> or &seniority=<level>. One breakdown
 * at a time (docs/decisions/007-dashboards.md). Other parameters are ignored.
 */
import { z } from "zod";
import { SENIORITIES, type Seniority } from "../../questions/constants";
import { AppError } from "../../core/errors";

export type DashboardQuery = { wave?: string; department?: string; seniority?: Seniority };

const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .regex(/^[^\u0000-\u001f]*$/, `must be a ${what} without control characters`)
    .optional()
    .transform((s) => (s === "" ? undefined : s));

const querySchema = z
  .object({
    wave: optionalText(40, "wave label"),
    department: optionalText(80, "department name"),
    // An empty choice ("all levels" in the filter form) means no filter.
    seniority: z.preprocess((v) => (v === "" ? undefined : v), z.enum(SENIORITIES, { error: `must be one of ${SENIORITIES.join(", ")}` }).optional()),
  })
  .superRefine((q, ctx) => {
    if (q.department !== undefined && q.seniority !== undefined) {
      ctx.addIssue({ code: "custom", path: ["seniority"], message: "choose a department or a seniority level, not both" });
    }
  });

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function first(params: Params, key: string): string | undefined {
  if (params instanceof URLSearchParams) {
    const all = params.getAll(key);
    return all.length > 1 ? undefined : all[0];
  }
  const v = params[key];
  return Array.isArray(v) ? undefined : v;
}

function repeated(params: Params, key: string): boolean {
  if (params instanceof URLSearchParams) return params.getAll(key).length > 1;
  return Array.isArray(params[key]);
}

export type ParsedQuery = { ok: true; query: DashboardQuery } | { ok: false; fields: Record<string, string> };

export function parseDashboardQuery(params: Params): ParsedQuery {
  const fields: Record<string, string> = {};
  for (const key of ["wave", "department", "seniority"]) if (repeated(params, key)) fields[key] = "must be given at most once";
  const parsed = querySchema.safeParse({ wave: first(params, "wave"), department: first(params, "department"), seniority: first(params, "seniority") });
  if (!parsed.success) for (const issue of parsed.error.issues) fields[issue.path.join(".") || "query"] ??= issue.message;
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  const q = parsed.data!;
  return { ok: true, query: { ...(q.wave ? { wave: q.wave } : {}), ...(q.department ? { department: q.department } : {}), ...(q.seniority ? { seniority: q.seniority } : {}) } };
}

/** For JSON routes: the query, or a 400 naming every bad parameter. */
export function requireDashboardQuery(params: URLSearchParams): DashboardQuery {
  const parsed = parseDashboardQuery(params);
  if (!parsed.ok) throw new AppError("validation_failed", "Some query parameters are not valid", parsed.fields);
  return parsed.query;
}

/** The query string for links that keep the current filters. */
export function dashboardSearch(query: DashboardQuery): string {
  const p = new URLSearchParams();
  if (query.wave) p.set("wave", query.wave);
  if (query.department) p.set("department", query.department);
  if (query.seniority) p.set("seniority", query.seniority);
  const s = p.toString();
  return s ? `?${s}` : "";
}
