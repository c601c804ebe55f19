import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { aggWaves, organisations, waves, type Organisation, type Wave } from "../schema";

export function findOrganisationBySlug(db: Db, slug: string): Organisation | undefined {
  return db.select().from(organisations).where(eq(organisations.slug, slug)).get() ?? undefined;
}

/** Organisations that take part in the benchmark (not archived), by slug. */
export function activeOrganisations(db: Db): Organisation[] {
  return db.select().from(organisations).where(sql`${organisations.archivedAt} is null`).orderBy(organisations.slug).all();
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

export type OrganisationSummary = Organisation & { waves: number; submitted: number };

/** Every organisation with its wave count and submitted responses (from the aggregates). */
export function listOrganisations(db: Db): OrganisationSummary[] {
  return db.$client
    .prepare(
      `select o.*, count(w.id) waves, coalesce(sum(a.n), 0) submitted
       from organisations o left join waves w on w.org_id = o.id left join agg_waves a on a.wave_id = w.id
       group by o.id order by o.archived_at is not null, o.name`,
    )
    .all()
    .map((r) => {
      const row = r as Record<string, unknown>;
      return {
        id: row.id as number,
        slug: row.slug as string,
        name: row.name as string,
        sector: row.sector as string,
        sizeBand: row.size_band as Organisation["sizeBand"],
        departments: JSON.parse(row.departments as string) as string[],
        archivedAt: row.archived_at as string | null,
        createdAt: row.created_at as string,
        waves: row.waves as number,
        submitted: row.submitted as number,
      };
    });
}

export function insertOrganisationRow(db: Db, values: typeof organisations.$inferInsert): Organisation {
  return db.insert(organisations).values(values).returning().get();
}

export function updateOrganisationRow(db: Db, id: number, values: Partial<typeof organisations.$inferInsert>): void {
  db.update(organisations).set(values).where(eq(organisations.id, id)).run();
}

export function insertWaveRow(db: Db, values: typeof waves.$inferInsert): Wave {
  return db.insert(waves).values(values).returning().get();
}

export function setWaveStatus(db: Db, orgId: number, waveId: number, status: Wave["status"]): boolean {
  return db.update(waves).set({ status }).where(and(eq(waves.id, waveId), eq(waves.orgId, orgId))).run().changes === 1;
}
