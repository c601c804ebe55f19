/*
 * Participation in a wave: responses, the share of invited people (when invitations were sent) and
 * submissions per day. Counts of the whole wave only: they say who took part, nothing of what they
 * answered, and are never broken down by department or seniority.
 */
import type { Db } from "../../db/client";
import { submissionsByDay } from "../../db/queries/dashboard";

export type Participation = {
  responses: number;
  /** People invited to this wave; null when no invitations were sent. */
  invited: number | null;
  /** Invited people who have submitted (their personal link is spent); null without invitations. */
  invitedResponded: number | null;
  /**
   * invitedResponded / invited in %, null without invitations. Responses through the wave's open
   * link are not in it, so it never passes 100%.
   */
  shareOfInvited: number | null;
  /** Every calendar day (UTC) from the first to the last submission, with zeros for quiet days. */
  byDay: { day: string; count: number; cumulative: number }[];
};

const DAY_MS = 86_400_000;

/** Fills the days without submissions between the first and the last one, and adds running totals. */
export function dailySeries(days: readonly { day: string; count: number }[]): Participation["byDay"] {
  if (days.length === 0) return [];
  const counts = new Map(days.map((d) => [d.day, d.count]));
  const first = Date.parse(`${days[0]!.day}T00:00:00Z`);
  const last = Date.parse(`${days[days.length - 1]!.day}T00:00:00Z`);
  const out: Participation["byDay"] = [];
  let cumulative = 0;
  for (let t = first; t <= last; t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    const count = counts.get(day) ?? 0;
    cumulative += count;
    out.push({ day, count, cumulative });
  }
  return out;
}

export type InvitationTally = { invited: number; responded: number };

export async function participation(db: Db, waveId: number, responses: number, invitations: InvitationTally | null): Promise<Participation> {
  const has = invitations !== null && invitations.invited > 0;
  return {
    responses,
    invited: has ? invitations.invited : null,
    invitedResponded: has ? invitations.responded : null,
    shareOfInvited: has ? (invitations.responded / invitations.invited) * 100 : null,
    byDay: dailySeries(await submissionsByDay(db, waveId)),
  };
}
