/*
 * Deterministic data factories shared by the demo seed and the tests. Everything derives from a
 * seeded PRNG so the same seed always builds the same benchmark.
 */
import type { Db } from "./client";
import { answersToColumns, assignmentToColumns } from "./item-columns";
import { applyResponseToAggregates } from "./queries/aggregates";
import { organisations, responses, waves, type NewOrganisation, type NewWave, type Organisation, type Wave } from "./schema";
import { fromRow, insertStatement } from "./sql/rows";
import type { SizeBand } from "../core/vocabulary";
import { SENIORITIES } from "../questions/constants";
import type { Answers } from "../core/answers";
import type { CheckAssignment } from "../core/checks";
import { checkItem } from "../questions/check-bank";
import { CHECK_OPTIONS, type CheckLevel } from "../questions/constants";

export type Rng = () => number;

/** mulberry32: small, fast, good enough for synthetic data. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function normal(rng: Rng): number {
  const u = Math.max(rng(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

export function pick<T>(rng: Rng, items: readonly T[], weights?: readonly number[]): T {
  if (!weights) return items[Math.floor(rng() * items.length)]!;
  const total = weights.reduce((a, b) => a + b, 0);
  let r = rng() * total;
  for (let i = 0; i < items.length; i++) {
    r -= weights[i]!;
    if (r <= 0) return items[i]!;
  }
  return items[items.length - 1]!;
}

export function uuidFrom(rng: Rng): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rng() * 16).toString(16));
  hex[12] = "4";
  hex[16] = "89ab"[Math.floor(rng() * 4)]!;
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

export const SECTORS = [
  "Retail",
  "Financial services",
  "Manufacturing",
  "Healthcare",
  "Public sector",
  "Technology",
  "Professional services",
  "Logistics",
] as const;

/** Sector shift of digital maturity, so sectors differ the way one would expect. */
const SECTOR_SHIFT: Record<string, number> = {
  Retail: 0,
  "Financial services": 0.35,
  Manufacturing: -0.3,
  Healthcare: -0.2,
  "Public sector": -0.35,
  Technology: 0.7,
  "Professional services": 0.25,
  Logistics: -0.15,
};

const SIZE_SHIFT: Record<SizeBand, number> = { small: -0.15, medium: 0, large: 0.1, enterprise: 0.2 };

export const DEPARTMENTS = ["Operations", "Sales", "Customer service", "Finance", "Marketing", "IT", "HR", "Legal"];

/** Relative headcount of each department; the last ones are small on purpose (privacy suppression). */
const DEPARTMENT_WEIGHTS = [30, 20, 18, 10, 9, 7, 4, 2];

const SENIORITY = SENIORITIES;
const SENIORITY_WEIGHTS = [65, 22, 9, 4];
const SENIORITY_SKILL = { staff: 0, manager: 0.1, senior_leader: 0.2, executive: 0.25 };
/** Senior people see their organisation more favourably (the report's direction-only finding). */
const SENIORITY_OPTIMISM = { staff: 0, manager: 0.15, senior_leader: 0.6, executive: 0.8 };

/** Capability difficulty: coding and AI are rarer skills than mobile or social media. */
const CAPABILITY_OFFSET: Record<string, number> = {
  data: 0.35,
  security: 0.1,
  coding: -1.0,
  mobile: 0.8,
  social: 0.5,
  analytics: -0.45,
  cloud: 0.35,
  ai: -0.65,
};

export type OrgProfile = { maturity: number; departments: string[] };

export function orgMaturity(rng: Rng, sector: string, sizeBand: SizeBand): number {
  return normal(rng) * 0.8 + (SECTOR_SHIFT[sector] ?? 0) + SIZE_SHIFT[sizeBand];
}

function agreeAnswer(rng: Rng, agree: boolean, notAgreeDisagreeShare: number): number | "dont_know" {
  if (agree) return rng() < 0.3 ? 5 : 4;
  const r = rng();
  if (r < notAgreeDisagreeShare) return rng() < 0.3 ? 1 : 2;
  if (r < notAgreeDisagreeShare + (1 - notAgreeDisagreeShare) * 0.75) return 3;
  return "dont_know";
}

/**
 * One respondent's complete answers. The model plants the report's relationships: capability,
 * leadership vision and L&D awareness go with customer understanding; seniors rate higher.
 */
export function generateAnswers(rng: Rng, capabilityIds: readonly string[], org: OrgProfile): Answers {
  const seniority = pick(rng, SENIORITY, SENIORITY_WEIGHTS);
  const department = org.departments.length > 0 ? pick(rng, org.departments, DEPARTMENT_WEIGHTS.slice(0, org.departments.length)) : undefined;
  const skill = 0.7 * org.maturity + normal(rng) * 0.8 + SENIORITY_SKILL[seniority];
  const optimism = SENIORITY_OPTIMISM[seniority];
  const answers: Answers = { seniority };
  if (department) answers.department = department;
  for (const id of capabilityIds) {
    const offset = CAPABILITY_OFFSET[id] ?? 0;
    answers[`self_${id}`] = clamp(Math.round(3 + 1.05 * (skill + offset) + normal(rng) * 0.55), 1, 5);
    const pYes = logistic(-0.6 + 1.5 * org.maturity + optimism + 0.9 * offset);
    const r = rng();
    answers[`org_${id}`] = r < pYes ? "yes" : r < pYes + (1 - pYes) * 0.45 ? "partly" : r < pYes + (1 - pYes) * 0.85 ? "no" : "dont_know";
  }
  const visionAgree = rng() < logistic(-0.4 + 1.3 * org.maturity + optimism);
  const ldAgree = rng() < logistic(-0.5 + 1.1 * org.maturity + 0.5 * optimism);
  answers.vision = agreeAnswer(rng, visionAgree, 0.55);
  answers.ld_awareness = agreeAnswer(rng, ldAgree, 0.55);
  const allThree = ["data", "security", "coding"].every((id) => answers[`org_${id}`] === "yes");
  const pCustomer = logistic(-2.0 + 2.3 * (allThree ? 1 : 0) + 1.5 * (visionAgree ? 1 : 0) + 1.5 * (ldAgree ? 1 : 0));
  answers.customer_understanding = agreeAnswer(rng, rng() < pCustomer, 0.6);
  return answers;
}

/** Where a check sits on the 1–5 self-rating scale: a person rated there knows it about half the time. */
const CHECK_DIFFICULTY: Record<CheckLevel, number> = { basic: 2.3, intermediate: 3.5, advanced: 4.3 };
/** How far people rate themselves above what they can show, growing with seniority (the published report's direction). */
const SENIORITY_OVERRATING = { staff: 0.25, manager: 0.35, senior_leader: 0.6, executive: 0.7 };

/**
 * Answers to the drawn knowledge checks for a respondent whose other answers are given: the chance
 * of knowing a check rises with the self-rating less an overrating that grows with seniority; who
 * does not know says "I don't know" or guesses among the four options, most often the tempting one.
 */
export function generateCheckAnswers(rng: Rng, answers: Answers, assignment: CheckAssignment): Answers {
  const overrating = SENIORITY_OVERRATING[answers.seniority as keyof typeof SENIORITY_OVERRATING] ?? 0.3;
  const out: Answers = {};
  const personal = overrating + normal(rng) * 0.5;
  for (const [slot, itemId] of Object.entries(assignment)) {
    const item = checkItem(itemId);
    const self = answers[`self_${item?.capabilityId}`];
    if (!item || typeof self !== "number") continue;
    const ability = self - personal + normal(rng) * 0.6;
    if (rng() < logistic(1.9 * (ability - CHECK_DIFFICULTY[item.level]))) {
      out[slot] = item.answer;
      continue;
    }
    if (rng() < 0.4) {
      out[slot] = "dont_know";
      continue;
    }
    const wrong = CHECK_OPTIONS.filter((o) => o !== item.answer);
    // The first wrong option in bank order stands in for the tempting distractor.
    out[slot] = pick(rng, [item.answer, ...wrong], [20, 45, 20, 15]);
  }
  return out;
}

export async function insertOrganisation(db: Db, values: NewOrganisation): Promise<Organisation> {
  const { text, params } = insertStatement(organisations, values);
  return fromRow(organisations, (await db.sql.get(text, params))!);
}

export async function insertWave(db: Db, values: NewWave): Promise<Wave> {
  const { text, params } = insertStatement(waves, values);
  return fromRow(waves, (await db.sql.get(text, params))!);
}

/**
 * Inserts a submitted response without a token (seeded and imported responses have no report link)
 * and adds it to the aggregates, unless `aggregate: false` (bulk loads that rebuild afterwards).
 */
export async function insertSubmittedResponse(
  db: Db,
  values: { id: string; waveId: number; answers: Answers; submittedAt: string; locale?: string; checks?: CheckAssignment },
  { aggregate = true }: { aggregate?: boolean } = {},
): Promise<void> {
  const { text, params } = insertStatement(
    responses,
    {
      id: values.id,
      waveId: values.waveId,
      status: "submitted",
      locale: values.locale ?? "en",
      step: 0,
      ...answersToColumns(values.answers),
      ...assignmentToColumns(values.checks ?? {}),
      createdAt: values.submittedAt,
      updatedAt: values.submittedAt,
      submittedAt: values.submittedAt,
    },
    { returning: false },
  );
  await db.sql.run(text, params);
  if (aggregate) await applyResponseToAggregates(db, values.id);
}
