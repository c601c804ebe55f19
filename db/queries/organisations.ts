import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { aggWaves, organisations, waves, type Organisation, type Wave } from "../schema";

export function findOrganisationBySlug(db: Db, slug: string): Organisation | undefined {
  return db.select().from(organisations).where(eq(organisations.slug, slug)).get() ?? undefined;
}

export function findOrganisationById(db: Db, id: number): Organisation | undefined {
  return db.select().from(organisations).where(eq(organisations.id, id)).get() ?? undefined;
}

export type WaveSummary = Wave & { submitted: number };

/** An organisation's waves, newest first, with their submitted-response counts (from the aggregates). */
export function listWaves(db: Db, orgId: number): WaveSummary[] {
  return db
    .select({ wave: waves, submitted: sql<number>`coalesce(${aggWaves}.n, 0)` })
    .from(waves)
    .leftJoin(aggWaves, eq(aggWaves.waveId, waves.id))
    .where(eq(waves.orgId, orgId))
    .orderBy(desc(sql`coalesce(${waves.opensAt}, ${waves.createdAt})`), desc(waves.id))
    .all()
    .map((r) => ({ ...r.wave, submitted: r.submitted }));
}

/** The wave the benchmark uses for an organisation: its latest wave with submitted responses. */
export function latestWaveWithResponses(db: Db, orgId: number): WaveSummary | undefined {
  return listWaves(db, orgId).find((w) => w.submitted > 0);
}

export function findWave(db: Db, orgId: number, waveId: number): Wave | undefined {
  return db.select().from(waves).where(and(eq(waves.orgId, orgId), eq(waves.id, waveId))).get() ?? undefined;
}
