/*
 * What a dashboard request is about: the organisation, the wave, the group (whole organisation,
 * one department or one seniority level), which groups may be shown at all, and the figures.
 */
import type { Db } from "../../db/client";
import type { CellFilter } from "../../db/queries/aggregates";
import { waveCellSizes } from "../../db/queries/dashboard";
import { latestWaveWithResponses, listWaves, type WaveSummary } from "../../db/queries/organisations";
import type { Organisation } from "../../db/schema";
import { SENIORITIES, type Seniority } from "../../questions/constants";
import { planDisclosure, type DisclosurePlan } from "../benchmark/disclosure";
import { organisationReport, type OrganisationReport } from "../benchmark/report";
import { SUPPRESSED } from "../benchmark/suppression";
import { AppError } from "../errors";
import type { DashboardQuery } from "./query";

export type DashboardStatus = "ok" | "no_wave" | "too_few_responses" | "group_suppressed";

export type DashboardScope = {
  org: Organisation;
  min: number;
  /** Newest first, with submitted counts. */
  waves: WaveSummary[];
  wave: WaveSummary | null;
  query: DashboardQuery;
  filter: CellFilter;
  plan: DisclosurePlan | null;
  status: DashboardStatus;
  options: { departments: { name: string; shown: boolean }[]; seniorities: { level: Seniority; shown: boolean }[] };
  /** The open wave whose link a lead can share: the one shown when it is open, else the newest open one. */
  openWave: WaveSummary | null;
};

/** The disclosure plan of one wave (which departments, seniority levels and F5 groups may be shown). */
export function wavePlan(db: Db, waveId: number, min: number): DisclosurePlan {
  return planDisclosure(waveCellSizes(db, waveId), min);
}

/** Departments in the organisation's order, then any others its responses name (imported data). */
function departmentNames(org: Organisation, plan: DisclosurePlan | null): string[] {
  const names = [...org.departments];
  if (plan) for (const d of plan.departments.keys()) if (d !== "" && !names.includes(d)) names.push(d);
  return names;
}

/**
 * Resolves the query against the organisation. An unknown wave or department is a validation error
 * naming what is allowed; a known group that is too small resolves with status "group_suppressed".
 */
export function resolveScope(db: Db, org: Organisation, query: DashboardQuery, min: number): DashboardScope {
  const waves = listWaves(db, org.id);
  let wave: WaveSummary | null;
  if (query.wave !== undefined) {
    wave = waves.find((w) => w.label === query.wave) ?? null;
    if (!wave) {
      const allowed = waves.map((w) => w.label).join(", ") || "none";
      throw new AppError("validation_failed", "Some query parameters are not valid", { wave: `is not a wave of this organisation; allowed: ${allowed}` });
    }
  } else {
    wave = latestWaveWithResponses(db, org.id) ?? waves[0] ?? null;
  }
  const plan = wave && wave.submitted >= min ? wavePlan(db, wave.id, min) : null;
  const departments = departmentNames(org, plan);
  if (query.department !== undefined && !departments.includes(query.department)) {
    throw new AppError("validation_failed", "Some query parameters are not valid", {
      department: `is not a department of this organisation; allowed: ${departments.join(", ") || "none"}`,
    });
  }
  const filter: CellFilter = {
    ...(query.department !== undefined ? { department: query.department } : {}),
    ...(query.seniority !== undefined ? { seniority: query.seniority } : {}),
  };
  const shownDepartment = (d: string) => plan?.departments.get(d)?.shown ?? false;
  const shownSeniority = (s: string) => plan?.seniorities.get(s)?.shown ?? false;
  let status: DashboardStatus = "ok";
  if (!wave) status = "no_wave";
  else if (wave.submitted < min) status = "too_few_responses";
  else if (query.department !== undefined && !shownDepartment(query.department)) status = "group_suppressed";
  else if (query.seniority !== undefined && !shownSeniority(query.seniority)) status = "group_suppressed";
  return {
    org,
    min,
    waves,
    wave,
    query,
    filter,
    plan,
    status,
    options: {
      departments: departments.map((name) => ({ name, shown: shownDepartment(name) })),
      seniorities: SENIORITIES.map((level) => ({ level, shown: shownSeniority(level) })),
    },
    // The wave on screen when it is open (its responses are the ones counted), else the newest open one.
    openWave: wave?.status === "open" ? wave : (waves.find((w) => w.status === "open") ?? null),
  };
}

/**
 * The organisation report for a scope whose status is "ok", with F5 hidden where the disclosure
 * plan hides the seniority groups of this view.
 */
export function scopeReport(db: Db, scope: DashboardScope): OrganisationReport {
  if (scope.status !== "ok" || !scope.wave || !scope.plan) throw new Error("scopeReport needs a scope with status ok");
  const report = organisationReport(db, scope.org, scope.min, { waveId: scope.wave.id, filter: scope.filter });
  const f5Allowed =
    scope.filter.department !== undefined
      ? (scope.plan.departments.get(scope.filter.department)?.f5 ?? false)
      : scope.filter.seniority !== undefined
        ? true // one seniority level: the engine suppresses F5 itself (one of its groups is empty)
        : scope.plan.f5;
  if (!f5Allowed && !report.figures.findings.f5.suppressed) {
    return { ...report, figures: { ...report.figures, findings: { ...report.figures.findings, f5: SUPPRESSED } } };
  }
  return report;
}

export function isFiltered(scope: DashboardScope): boolean {
  return scope.filter.department !== undefined || scope.filter.seniority !== undefined;
}
