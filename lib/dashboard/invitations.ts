import type { Db } from "../../db/client";
import { invitationCounts } from "../../db/queries/invitations";
import type { InvitationTally } from "../benchmark/participation";

/**
 * People invited to a wave and how many of them have submitted, for the participation share; null
 * when no invitations were sent for it (a wave shared by its open link only), so the dashboards say
 * so instead of showing 0%.
 */
export async function invitationsOfWave(db: Db, waveId: number): Promise<InvitationTally | null> {
  const { invited, used } = await invitationCounts(db, waveId);
  return invited > 0 ? { invited, responded: used } : null;
}
