/*
 * The aggregate counters kept per wave (and per wave × department × seniority cell). Every figure of
 * the benchmark is computed from sums of these counters, so a dashboard never scans raw responses.
 * One function decides what a response contributes; the incremental update on submission and the
 * full rebuild both use it, so they cannot disagree.
 */

import { checkSlot, getQuestionnaire } from "../questions";
import { ORG_ANSWERS, ORG_ITEMS, type OrgAnswer, type OrgItemId, type Seniority } from "../questions/constants";
import { agrees, disagrees, isAble } from "./scoring";
import { checkItem } from "../questions/check-bank";

/** The questionnaire version whose items the counters (and so the aggregate tables' columns) hold. */
const COUNTED = getQuestionnaire(1);
/** Capability ids in questionnaire order: the questionnaire is their one source. */
export const AGG_CAPABILITIES: readonly string[] = COUNTED.capabilityIds;
export const REPRESENTATIVE: readonly string[] = COUNTED.representativeIds;

/** How an organisation answer is spelled in counter names ("o_data_dk"); the answers are ORG_ANSWERS. */
type OrgCounterValue = Exclude<OrgAnswer, "dont_know"> | "dk";
export function orgCounterValue(answer: OrgAnswer): OrgCounterValue {
  return answer === "dont_know" ? "dk" : answer;
}
export const ORG_VALUES: readonly OrgCounterValue[] = ORG_ANSWERS.map(orgCounterValue);

/** Counter-name prefix of each organisation item (agreement scale): "cu_4" counts customer_understanding = 4. */
export const AGREE_PREFIX: Readonly<Record<OrgItemId, string>> = { vision: "vision", ld_awareness: "ld", customer_understanding: "cu" };
const AGREE_PREFIXES = ORG_ITEMS.map((item) => AGREE_PREFIX[item]);

export const SPLITS = ["f2", "f3", "f4"] as const;
/** A respondent's place in one split: not in it (the split item skipped), in its "yes" group, in its "no" group. */
export const SPLIT_PLACES = ["out", "y", "n"] as const;
/** Classes of customer-understanding answerers by their places in F2, F3 and F4: 3^3. */
export const JOINT_CLASSES = SPLIT_PLACES.length ** SPLITS.length;
/** The joint class of places (one per split, in SPLITS order): Σ place_f · 3^(2 − f). */
export function jointClass(places: readonly number[]): number {
  return places.reduce((code, p) => code * SPLIT_PLACES.length + p, 0);
}
/** The place in split `f` (index in SPLITS) of joint class `k`. */
export function placeIn(k: number, f: number): number {
  return Math.floor(k / SPLIT_PLACES.length ** (SPLITS.length - 1 - f)) % SPLIT_PLACES.length;
}
export const INDEX_TOTAL_MIN = 8;
export const INDEX_TOTAL_MAX = 40;

/** Knowledge checks per capability in the versions that have them (v2). */
export const CHECKS_PER_CAPABILITY = getQuestionnaire(2).checks!.perCapability;
/** Correct-answer counts a capability's checks can give: 0..CHECKS_PER_CAPABILITY. */
export const CHECK_SCORES: readonly number[] = Array.from({ length: CHECKS_PER_CAPABILITY + 1 }, (_, i) => i);
/** The two F2 splits on measured skills: rating oneself able in all three representative capabilities, and passing their checks too. */
export const CHECK_SPLITS = ["f2s", "f2v"] as const;

/** The self-reported columns the counters read, in this order (also all a CSV import holds). */
export const SELF_REPORT_SOURCE_COLUMNS: readonly string[] = [
  ...AGG_CAPABILITIES.map((c) => `self_${c}`),
  ...AGG_CAPABILITIES.map((c) => `org_${c}`),
  ...ORG_ITEMS,
  "seniority",
];

/** Stored response columns the counters read, in this order: the self-reported ones, then per check slot the check drawn and the answer. */
export const SOURCE_COLUMNS: readonly string[] = [
  ...SELF_REPORT_SOURCE_COLUMNS,
  ...AGG_CAPABILITIES.flatMap((c) => CHECK_SCORES.slice(1).flatMap((n) => [`${checkSlot(c, n)}_item`, checkSlot(c, n)])),
];

/** F5 compares senior leaders + executives with staff + managers. */
export const SENIORITY_GROUPS = { senior: ["senior_leader", "executive"], staff: ["staff", "manager"] } as const satisfies Record<string, readonly Seniority[]>;

function counterNames(): string[] {
  const names = ["n"];
  for (const c of AGG_CAPABILITIES) {
    for (let v = 1; v <= 5; v++) names.push(`s_${c}_${v}`);
    for (const v of ORG_VALUES) names.push(`o_${c}_${v}`);
  }
  for (const a of AGREE_PREFIXES) {
    for (let v = 1; v <= 5; v++) names.push(`${a}_${v}`);
    names.push(`${a}_dk`);
  }
  for (let t = INDEX_TOTAL_MIN; t <= INDEX_TOTAL_MAX; t++) names.push(`idx_${t}`);
  for (const c of AGG_CAPABILITIES) names.push(`a_sum_${c}`, `a_sq_${c}`);
  for (const f of SPLITS) for (const g of ["y", "n"]) for (const k of ["n", "agree", "dis"]) names.push(`${f}_${g}_${k}`);
  names.push("all3_yes", "all3_n");
  for (const g of Object.keys(SENIORITY_GROUPS)) {
    names.push(`${g}_n`, `${g}_all3_yes`, `${g}_all3_n`);
    for (const c of AGG_CAPABILITIES) names.push(`${g}_o_${c}_yes`, `${g}_o_${c}_n`, `${g}_s_${c}_able`, `${g}_s_${c}_n`);
  }
  // Knowledge checks, appended last so cell blobs written before they existed decode unchanged:
  // per capability the self-rating × right-answers table ("k_data_4_2": rated 4, both checks right),
  // and the F2 splits on measured skills.
  for (const c of AGG_CAPABILITIES) for (let v = 1; v <= 5; v++) for (const k of CHECK_SCORES) names.push(`k_${c}_${v}_${k}`);
  for (const f of CHECK_SPLITS) for (const g of ["y", "n"]) for (const k of ["n", "agree", "dis"]) names.push(`${f}_${g}_${k}`);
  // Those who answered customer understanding, by their place in the three splits F2–F4 together
  // (JOINT_CLASSES): the disclosure plan audits F1 and the splits' groups as one system over these.
  for (let k = 0; k < JOINT_CLASSES; k++) names.push(`cuj_${k}`);
  return names;
}

/** Every counter column name; the aggregate tables have exactly these integer columns. */
export const COUNTERS: readonly string[] = counterNames();
export const COUNTER_INDEX: ReadonlyMap<string, number> = new Map(COUNTERS.map((name, i) => [name, i]));

export type CounterVector = Float64Array;

export function emptyCounters(): CounterVector {
  return new Float64Array(COUNTERS.length);
}

function idx(name: string): number {
  const i = COUNTER_INDEX.get(name);
  if (i === undefined) throw new Error(`unknown counter ${name}`);
  return i;
}

// Precomputed positions so the hot path does array arithmetic only.
const POS = {
  n: idx("n"),
  self: AGG_CAPABILITIES.map((c) => [0, 1, 2, 3, 4, 5].map((v) => (v === 0 ? -1 : idx(`s_${c}_${v}`)))),
  // Keyed by the stored answer ("dont_know"), pointing at its counter ("o_data_dk").
  org: AGG_CAPABILITIES.map((c) => Object.fromEntries(ORG_ANSWERS.map((a) => [a, idx(`o_${c}_${orgCounterValue(a)}`)])) as Record<OrgAnswer, number>),
  agree: AGREE_PREFIXES.map((a) => [idx(`${a}_dk`), ...[1, 2, 3, 4, 5].map((v) => idx(`${a}_${v}`))]),
  idx: INDEX_TOTAL_MIN,
  idxBase: idx(`idx_${INDEX_TOTAL_MIN}`),
  aSum: AGG_CAPABILITIES.map((c) => idx(`a_sum_${c}`)),
  aSq: AGG_CAPABILITIES.map((c) => idx(`a_sq_${c}`)),
  split: SPLITS.map((f) => ({
    y: { n: idx(`${f}_y_n`), agree: idx(`${f}_y_agree`), dis: idx(`${f}_y_dis`) },
    n: { n: idx(`${f}_n_n`), agree: idx(`${f}_n_agree`), dis: idx(`${f}_n_dis`) },
  })),
  all3Yes: idx("all3_yes"),
  joint: idx("cuj_0"),
  all3N: idx("all3_n"),
  group: Object.fromEntries(
    Object.keys(SENIORITY_GROUPS).map((g) => [
      g,
      {
        n: idx(`${g}_n`),
        all3Yes: idx(`${g}_all3_yes`),
        all3N: idx(`${g}_all3_n`),
        orgYes: AGG_CAPABILITIES.map((c) => idx(`${g}_o_${c}_yes`)),
        orgN: AGG_CAPABILITIES.map((c) => idx(`${g}_o_${c}_n`)),
        able: AGG_CAPABILITIES.map((c) => idx(`${g}_s_${c}_able`)),
        selfN: AGG_CAPABILITIES.map((c) => idx(`${g}_s_${c}_n`)),
      },
    ]),
  ) as Record<keyof typeof SENIORITY_GROUPS, { n: number; all3Yes: number; all3N: number; orgYes: number[]; orgN: number[]; able: number[]; selfN: number[] }>,
};

const CHECK_POS = {
  /** [capability][self 1..5][right 0..k] → counter position. */
  table: AGG_CAPABILITIES.map((c) => [0, 1, 2, 3, 4, 5].map((v) => CHECK_SCORES.map((k) => (v === 0 ? -1 : idx(`k_${c}_${v}_${k}`))))),
  split: CHECK_SPLITS.map((f) => ({
    y: { n: idx(`${f}_y_n`), agree: idx(`${f}_y_agree`), dis: idx(`${f}_y_dis`) },
    n: { n: idx(`${f}_n_n`), agree: idx(`${f}_n_agree`), dis: idx(`${f}_n_dis`) },
  })),
};
/** Where each capability's slots sit in SOURCE_COLUMNS: [capability][slot] → position of the drawn check (its answer follows). */
const CHECK_AT = AGG_CAPABILITIES.map((c) => CHECK_SCORES.slice(1).map((n) => SOURCE_COLUMNS.indexOf(`${checkSlot(c, n)}_item`)));
const REPRESENTATIVE_AT = REPRESENTATIVE.map((c) => AGG_CAPABILITIES.indexOf(c));

/**
 * Right answers to capability `i`'s checks, or -1 when they do not count: a capability's checks
 * count when every slot has a check drawn and answered ("I don't know" is an answer) and the
 * capability's self-rating is answered, so the rating and the checks describe the same people.
 */
function checkScore(values: ArrayLike<unknown>, i: number): number {
  let right = 0;
  for (const at of CHECK_AT[i]!) {
    const item = values[at];
    const answer = values[at + 1];
    if (typeof item !== "string" || typeof answer !== "string") return -1;
    const check = checkItem(item);
    if (!check) return -1;
    if (answer === check.answer) right++;
  }
  return right;
}

/** The knowledge-check counters of one response (none for a response without checks). */
function addChecks(target: CounterVector, values: ArrayLike<unknown>, sign: number): void {
  const scores: number[] = [];
  for (let i = 0; i < K; i++) {
    const s = values[i];
    const score = typeof s === "number" && s >= 1 && s <= 5 ? checkScore(values, i) : -1;
    scores.push(score);
    if (score >= 0) target[CHECK_POS.table[i]![s as number]![score]!]! += sign;
  }
  const cu = values[CU];
  if (typeof cu !== "number" || REPRESENTATIVE_AT.some((i) => scores[i]! < 0)) return;
  const selfAble = REPRESENTATIVE_AT.every((i) => isAble(values[i] as number));
  const verified = selfAble && REPRESENTATIVE_AT.every((i) => scores[i] === CHECKS_PER_CAPABILITY);
  [selfAble, verified].forEach((yes, f) => {
    const p = CHECK_POS.split[f]![yes ? "y" : "n"];
    target[p.n]! += sign;
    target[p.agree]! += sign * (agrees(cu) ? 1 : 0);
    target[p.dis]! += sign * (disagrees(cu) ? 1 : 0);
  });
}

const SENIORITY_TO_GROUP: Record<string, keyof typeof SENIORITY_GROUPS> = Object.fromEntries(
  Object.entries(SENIORITY_GROUPS).flatMap(([group, levels]) => levels.map((level) => [level, group])),
) as Record<string, keyof typeof SENIORITY_GROUPS>;

const K = AGG_CAPABILITIES.length;
const VISION = 2 * K + ORG_ITEMS.indexOf("vision");
const LD = 2 * K + ORG_ITEMS.indexOf("ld_awareness");
const CU = 2 * K + ORG_ITEMS.indexOf("customer_understanding");
const SENIORITY = SOURCE_COLUMNS.indexOf("seniority");
/** Positions of the org answers of the representative capabilities ("everyone can do all three"). */
const REPRESENTATIVE_ORG = REPRESENTATIVE.map((c) => K + AGG_CAPABILITIES.indexOf(c));

/**
 * Adds (sign 1) or removes (sign −1) one submitted response's contribution. `values` holds the
 * SOURCE_COLUMNS in their stored encoding: self 1..5, org text, agreement 1..5 or 0 (don't know),
 * null when skipped.
 */
export function addResponse(target: CounterVector, values: ArrayLike<unknown>, sign = 1): void {
  target[POS.n]! += sign;
  if (values.length > SELF_REPORT_SOURCE_COLUMNS.length) addChecks(target, values, sign);
  let total = 0;
  let complete = true;
  for (let i = 0; i < K; i++) {
    const s = values[i];
    if (typeof s === "number" && s >= 1 && s <= 5) {
      target[POS.self[i]![s]!]! += sign;
      total += s;
    } else complete = false;
    const o = values[K + i];
    if (typeof o === "string" && o in POS.org[i]!) target[POS.org[i]![o as "yes"]]! += sign;
  }
  if (complete) {
    target[POS.idxBase + total - POS.idx]! += sign;
    for (let i = 0; i < K; i++) {
      const s = values[i] as number;
      target[POS.aSum[i]!]! += sign * s;
      target[POS.aSq[i]!]! += sign * s * s;
    }
  }
  for (let a = 0; a < ORG_ITEMS.length; a++) {
    const v = values[2 * K + a];
    if (typeof v === "number" && v >= 0 && v <= 5) target[POS.agree[a]![v]!]! += sign;
  }

  let repAnswered = true;
  let all3 = true;
  for (const i of REPRESENTATIVE_ORG) {
    if (values[i] == null) repAnswered = all3 = false;
    else if (values[i] !== "yes") all3 = false;
  }
  if (repAnswered) {
    target[POS.all3N]! += sign;
    if (all3) target[POS.all3Yes]! += sign;
  }

  const groupName = SENIORITY_TO_GROUP[values[SENIORITY] as string];
  if (groupName) {
    const g = POS.group[groupName];
    target[g.n]! += sign;
    if (repAnswered) {
      target[g.all3N]! += sign;
      if (all3) target[g.all3Yes]! += sign;
    }
    for (let i = 0; i < K; i++) {
      const s = values[i];
      if (typeof s === "number" && s >= 1 && s <= 5) {
        target[g.selfN[i]!]! += sign;
        if (isAble(s)) target[g.able[i]!]! += sign;
      }
      const o = values[K + i];
      if (typeof o === "string" && o in POS.org[i]!) {
        target[g.orgN[i]!]! += sign;
        if (o === "yes") target[g.orgYes[i]!]! += sign;
      }
    }
  }

  const cu = values[CU];
  if (typeof cu !== "number") return; // the findings' base is respondents who answered customer understanding
  const agree = agrees(cu) ? 1 : 0;
  const dis = disagrees(cu) ? 1 : 0;
  const splitGroups: ("y" | "n" | null)[] = [
    repAnswered ? (all3 ? "y" : "n") : null,
    typeof values[VISION] === "number" ? (agrees(values[VISION] as number) ? "y" : "n") : null,
    typeof values[LD] === "number" ? (agrees(values[LD] as number) ? "y" : "n") : null,
  ];
  splitGroups.forEach((g, f) => {
    if (!g) return;
    const p = POS.split[f]![g];
    target[p.n]! += sign;
    target[p.agree]! += sign * agree;
    target[p.dis]! += sign * dis;
  });
  target[POS.joint + jointClass(splitGroups.map((g) => (g === null ? 0 : g === "y" ? 1 : 2)))]! += sign;
}

export function addVectors(target: CounterVector, source: ArrayLike<number>): void {
  for (let i = 0; i < target.length; i++) target[i]! += source[i]!;
}

/** Reads a counter by name from a vector. */
export function counter(v: ArrayLike<number>, name: string): number {
  return v[idx(name)] ?? 0;
}
