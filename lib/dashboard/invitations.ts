import type { Db } from "../../db/client";

/**
 * People invited to a wave, for the share of invited. This version of the schema has no
 * invitations, so there is never a count: the dashboards say that no invitations were sent.
 */
export function invitedToWave(db: Db, waveId: number): number | null {
  void db;
  void waveId;
  return null;
}
