/*
 * The knowledge-check item analysis for admins: every check of the bank with its figures over all
 * submitted responses that had checks, KR-20 per capability and overall, and the CSV of the same.
 * A check's figures are shown only when at least the minimum group size answered it (the disclosure
 * module's threshold); admins can export raw responses anyway, so nothing stricter applies here.
 */
import type { Db } from "../../db/client";
import { CHECK_SLOTS, retiredCheckIds, submittedCheckAnswers } from "../../db/queries/checks";
import { analyseItems, type ItemFigures, type ReliabilityFigure } from "../../core/item-analysis";
import { gate, type Shown } from "../../core/disclosure/released";
import { meetsThreshold } from "../../core/disclosure/threshold";
import { allChecks, type CheckItem } from "../../questions/check-bank";
import { CHECK_ANSWERS } from "../../questions/constants";
import { BOM, csvLines } from "../csv/safe-cell";

export type ItemAnalysisRow = { item: CheckItem; retired: boolean; n: number; figures: Shown<ItemFigures> };
export type ReliabilityRow = { key: string; figure: Shown<ReliabilityFigure> };
export type ItemAnalysis = { respondents: number; rows: ItemAnalysisRow[]; reliability: ReliabilityRow[] };

export async function itemAnalysis(db: Db, min: number): Promise<ItemAnalysis> {
  const [answers, retired] = await Promise.all([submittedCheckAnswers(db), retiredCheckIds(db)]);
  const data = analyseItems(CHECK_SLOTS, answers);
  const rows = allChecks().map((item): ItemAnalysisRow => {
    const figures = data.items.get(item.id);
    const n = figures?.n ?? 0;
    return { item, retired: retired.has(item.id), n, figures: gate(figures !== undefined && meetsThreshold(n, min), () => figures!) };
  });
  const reliability = [...data.reliability].map(([key, figure]) => ({ key, figure: gate(meetsThreshold(figure.n, min) && Number.isFinite(figure.kr20), () => figure) }));
  return { respondents: answers.length, rows, reliability };
}

/** Columns of the item-analysis CSV (docs/csv-format.md, "Item analysis"). */
export const ITEM_ANALYSIS_COLUMNS = [
  "item_id",
  "capability",
  "level",
  "right_answer",
  "retired",
  "n",
  "proportion_right",
  "discrimination",
  "dont_know_rate",
  ...CHECK_ANSWERS.map((a) => `chose_${a}`),
  "flags",
  "capability_kr20",
  "overall_kr20",
  "note",
] as const;

const round = (x: number) => (Number.isFinite(x) ? Math.round(x * 1000) / 1000 : null);

export async function itemAnalysisCsv(db: Db, min: number): Promise<{ csv: string; rows: number }> {
  const analysis = await itemAnalysis(db, min);
  const kr20 = new Map(analysis.reliability.map((r) => [r.key, r.figure.suppressed ? null : round(r.figure.kr20)]));
  const lines = analysis.rows.map(({ item, retired, n, figures }) => {
    const head = [item.id, item.capabilityId, item.level, item.answer, retired ? "yes" : "no", n];
    const reliability = [kr20.get(item.capabilityId) ?? null, kr20.get("overall") ?? null];
    if (figures.suppressed) return [...head, null, null, null, ...CHECK_ANSWERS.map(() => null), null, ...reliability, "too few responses"];
    return [
      ...head,
      round(figures.proportionRight),
      round(figures.discrimination),
      round(figures.dontKnowRate),
      ...CHECK_ANSWERS.map((a) => round(figures.options[a])),
      figures.flags.join(" "),
      ...reliability,
      null,
    ];
  });
  return { csv: BOM + csvLines([[...ITEM_ANALYSIS_COLUMNS]]) + csvLines(lines), rows: lines.length };
}
