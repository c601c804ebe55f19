/*
 * Knowledge checks: which checks a respondent gets, and how their answers are scored. Pure: the
 * randomness is passed in, the bank comes from questions/.
 */
import { checkItem, checksOf, type CheckItem } from "../questions/check-bank";
import { CHECK_LEVELS, CHECK_SLOT_PATTERN, checkSlot, type CheckAnswer, type CheckLevel } from "../questions/constants";
import type { Questionnaire } from "../questions";
import type { Answers } from "./answers";

/** Which check fills each answer slot of one response: slot id ("check_data_1") → item id ("data-b2"). */
export type CheckAssignment = Record<string, string>;

/** A uniform random integer in [0, n). */
export type RandomInt = (n: number) => number;

function pick<T>(values: readonly T[], randomInt: RandomInt): T {
  return values[randomInt(values.length)]!;
}

/**
 * Draws `perCapability` checks per capability, balanced across levels: first that many distinct
 * levels, uniformly among the level combinations, then one unretired check of each level, uniformly.
 * With two checks and three levels every level is drawn for two respondents in three, and with the
 * same number of checks per level every check is drawn equally often, so each gathers answers at
 * the same rate. A level whose checks are all retired is left out of the draw; when fewer levels
 * than checks remain, the rest come from any unretired check of the capability.
 */
export function drawChecks(q: Questionnaire, retired: ReadonlySet<string>, randomInt: RandomInt): CheckAssignment {
  const perCapability = q.checks?.perCapability ?? 0;
  const assignment: CheckAssignment = {};
  for (const capabilityId of q.capabilityIds) {
    if (perCapability === 0) break;
    const active = checksOf(capabilityId).filter((i) => !retired.has(i.id));
    const byLevel = new Map<CheckLevel, CheckItem[]>();
    for (const level of CHECK_LEVELS) {
      const items = active.filter((i) => i.level === level);
      if (items.length > 0) byLevel.set(level, items);
    }
    const levels = [...byLevel.keys()];
    const chosenLevels: CheckLevel[] = [];
    while (chosenLevels.length < Math.min(perCapability, levels.length)) {
      const remaining = levels.filter((l) => !chosenLevels.includes(l));
      chosenLevels.push(pick(remaining, randomInt));
    }
    const chosen = chosenLevels.map((level) => pick(byLevel.get(level)!, randomInt));
    while (chosen.length < Math.min(perCapability, active.length)) {
      chosen.push(pick(active.filter((i) => !chosen.includes(i)), randomInt));
    }
    // Shown easiest first.
    chosen.sort((a, b) => CHECK_LEVELS.indexOf(a.level) - CHECK_LEVELS.indexOf(b.level));
    chosen.forEach((item, i) => (assignment[checkSlot(capabilityId, i + 1)] = item.id));
  }
  return assignment;
}

export type CheckResult = { slot: string; item: CheckItem; answer: CheckAnswer | undefined; correct: boolean };

/** One capability's checks for one respondent: "1 of 2 right". */
export type CapabilityCheckResult = { capabilityId: string; results: CheckResult[]; correct: number; asked: number };

/** Whether an answer is the check's right one; "I don't know" and no answer are not. */
export function isCorrect(item: CheckItem, answer: unknown): boolean {
  return answer === item.answer;
}

/**
 * Scores the checks of one response per capability. Slots without an assigned check, or whose check
 * is not in the bank, are left out.
 */
export function scoreChecks(q: Questionnaire, assignment: CheckAssignment, answers: Answers): CapabilityCheckResult[] {
  return q.capabilityIds.map((capabilityId) => {
    const results: CheckResult[] = [];
    for (const [slot, itemId] of Object.entries(assignment)) {
      const match = CHECK_SLOT_PATTERN.exec(slot);
      const item = checkItem(itemId);
      if (!match || match[1] !== capabilityId || !item) continue;
      const answer = answers[slot] as CheckAnswer | undefined;
      results.push({ slot, item, answer, correct: isCorrect(item, answer) });
    }
    results.sort((a, b) => a.slot.localeCompare(b.slot));
    return { capabilityId, results, correct: results.filter((r) => r.correct).length, asked: results.length };
  });
}

/** How a respondent's rating of one capability sits with their checks on it. */
export type CalibrationNote = "fits" | "underrating" | "worth_checking";

/**
 * A kind reading of rating against checks, never a grade: someone who rates themselves at most "can
 * with help" (3) yet answers every check right may be underrating themselves; someone who rates
 * themselves able (4–5) yet answers none right may want to look again. Anything between fits:
 * two checks are too few to say more about one person.
 */
export function calibrationNote(level: number, result: Pick<CapabilityCheckResult, "correct" | "asked">): CalibrationNote {
  if (result.asked === 0) return "fits";
  if (level <= 3 && result.correct === result.asked) return "underrating";
  if (level >= 4 && result.correct === 0) return "worth_checking";
  return "fits";
}
