/*
 * What a dashboard request is about: the organisation, the wave, the group (whole organisation,
 * one department or one seniority level), which groups may be shown at all, and the figures.
 */
import type { Db } from "../../db/client";
import type { CellFilter } from "../../db/queries/aggregates";
import { readReleasedCells } from "../../db/queries/releases";
import { listWaves, type WaveSummary } from "../../db/queries/organisations";
import type { Organisation } from "../../db/schema";
import { SENIORITIES, type Seniority } from "../../questions/constants";
import { defaultWave, organisationReport, viewOfFilter, type OrganisationReport } from "../benchmark/report";
import { departmentView, seniorityView, type ViewKey, type WavePlan } from "../../core/disclosure/plan";
import { currentRelease, type Release } from "../disclosure/releases";
import { AppError } from "../../core/errors";
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
  /** The wave's current release (figures come from it) and its disclosure plan. */
  release: Release | null;
  plan: WavePlan | null;
  view: ViewKey;
  status: DashboardStatus;
  options: { departments: { name: string; shown: boolean }[]; seniorities: { level: Seniority; shown: boolean }[] };
  /** The open wave whose link a lead can share: the one shown when it is open, else the newest open one. */
  openWave: WaveSummary | null;
};

/** The disclosure plan of one wave's current release (null before its first release). */
export async function wavePlan(db: Db, waveId: number, min: number): Promise<WavePlan | null> {
  return (await currentRelease(db, waveId, min))?.plan ?? null;
}

/**
 * Departments in the organisation's order, then others its released responses name (imported
 * data) — those only when the plan shows them, so the name of a small group never reaches a reader.
 */
async function departmentNames(db: Db, org: Organisation, release: Release | null): Promise<string[]> {
  const names = [...org.departments];
  if (release) {
    for (const c of await readReleasedCells(db, release.waveId)) {
      if (c.department !== "" && !names.includes(c.department) && release.plan.views[departmentView(c.department)]) names.push(c.department);
    }
  }
  return names;
}

/**
 * Resolves the query against the organisation. An unknown wave or department is a validation error
 * naming what is allowed; a known group that is too small resolves with status "group_suppressed".
 */
export async function resolveScope(db: Db, org: Organisation, query: DashboardQuery, min: number): Promise<DashboardScope> {
  const waves = await listWaves(db, org.id);
  let wave: WaveSummary | null;
  if (query.wave !== undefined) {
    wave = waves.find((w) => w.label === query.wave) ?? null;
    if (!wave) {
      const allowed = waves.map((w) => w.label).join(", ") || "none";
      throw new AppError("validation_failed", "Some query parameters are not valid", { wave: `is not a wave of this organisation; allowed: ${allowed}` });
    }
  } else {
    wave = (await defaultWave(db, org.id, min)) ?? waves[0] ?? null;
  }
  const release = wave ? await currentRelease(db, wave.id, min) : null;
  const plan = release?.plan ?? null;
  const departments = await departmentNames(db, org, release);
  if (query.department !== undefined && !departments.includes(query.department)) {
    throw new AppError("validation_failed", "Some query parameters are not valid", {
      department: `is not a department of this organisation; allowed: ${departments.join(", ") || "none"}`,
    });
  }
  const filter: CellFilter = {
    ...(query.department !== undefined ? { department: query.department } : {}),
    ...(query.seniority !== undefined ? { seniority: query.seniority } : {}),
  };
  const shownDepartment = (d: string) => !!plan?.views[departmentView(d)];
  const shownSeniority = (s: string) => !!plan?.views[seniorityView(s)];
  const view = viewOfFilter(filter) ?? "all";
  let status: DashboardStatus = "ok";
  if (!wave) status = "no_wave";
  else if (!release) status = "too_few_responses";
  else if (!plan?.views[view]) status = "group_suppressed";
  return {
    org,
    min,
    waves,
    wave,
    query,
    filter,
    release,
    plan,
    view,
    status,
    options: {
      departments: departments.map((name) => ({ name, shown: shownDepartment(name) })),
      seniorities: SENIORITIES.map((level) => ({ level, shown: shownSeniority(level) })),
    },
    // The wave on screen when it is open (its responses are the ones counted), else the newest open one.
    openWave: wave?.status === "open" ? wave : (waves.find((w) => w.status === "open") ?? null),
  };
}

/** The organisation report for a scope whose status is "ok": its release, gated by the release's plan. */
export async function scopeReport(db: Db, scope: DashboardScope): Promise<OrganisationReport> {
  if (scope.status !== "ok" || !scope.wave || !scope.plan) throw new Error("scopeReport needs a scope with status ok");
  return organisationReport(db, scope.org, scope.min, { waveId: scope.wave.id, filter: scope.filter });
}

export function isFiltered(scope: DashboardScope): boolean {
  return scope.filter.department !== undefined || scope.filter.seniority !== undefined;
}
