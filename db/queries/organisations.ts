import type { Db } from "../client";
import { organisations, waves, type Organisation, type Wave } from "../schema";
import { fromRow, fromRows, insertStatement, setClause } from "../sql/rows";

export async function findOrganisationBySlug(db: Db, slug: string): Promise<Organisation | undefined> {
  const row = await db.sql.get("select * from organisations where slug = ?", [slug]);
  return row && fromRow(organisations, row);
}

/** Organisations that take part in the benchmark (not archived), by slug. */
export async function activeOrganisations(db: Db): Promise<Organisation[]> {
  return fromRows(organisations, await db.sql.all("select * from organisations where archived_at is null order by slug"));
}

export async function findOrganisationById(db: Db, id: number): Promise<Organisation | undefined> {
  const row = await db.sql.get("select * from organisations where id = ?", [id]);
  return row && fromRow(organisations, row);
}

export type WaveSummary = Wave & { submitted: number };

/** An organisation's waves, newest first, with their submitted-response counts (from the aggregates). */
export async function listWaves(db: Db, orgId: number): Promise<WaveSummary[]> {
  const rows = await db.sql.all<Record<string, unknown> & { submitted: number }>(
    `select w.*, coalesce(a.n, 0) submitted from waves w left join agg_waves a on a.wave_id = w.id
     where w.org_id = ? order by coalesce(w.opens_at, w.created_at) desc, w.id desc`,
    [orgId],
  );
  return rows.map((r) => ({ ...fromRow(waves, r), submitted: r.submitted }));
}

/** The wave the benchmark uses for an organisation: its latest wave with submitted responses. */
export async function latestWaveWithResponses(db: Db, orgId: number): Promise<WaveSummary | undefined> {
  return (await listWaves(db, orgId)).find((w) => w.submitted > 0);
}

export async function findWave(db: Db, orgId: number, waveId: number): Promise<Wave | undefined> {
  const row = await db.sql.get("select * from waves where org_id = ? and id = ?", [orgId, waveId]);
  return row && fromRow(waves, row);
}

export type OrganisationSummary = Organisation & { waves: number; submitted: number };

/** Every organisation with its wave count and submitted responses (from the aggregates). */
export async function listOrganisations(db: Db): Promise<OrganisationSummary[]> {
  const rows = await db.sql.all<Record<string, unknown> & { waves: number; submitted: number }>(
    `select o.*, count(w.id) waves, coalesce(sum(a.n), 0) submitted
     from organisations o left join waves w on w.org_id = o.id left join agg_waves a on a.wave_id = w.id
     group by o.id order by o.archived_at is not null, o.name`,
  );
  return rows.map((r) => ({ ...fromRow(organisations, r), waves: r.waves, submitted: r.submitted }));
}

export async function insertOrganisationRow(db: Db, values: typeof organisations.$inferInsert): Promise<Organisation> {
  const { text, params } = insertStatement(organisations, values);
  return fromRow(organisations, (await db.sql.get(text, params))!);
}

export async function updateOrganisationRow(db: Db, id: number, values: Partial<typeof organisations.$inferInsert>): Promise<void> {
  const set = setClause(organisations, values);
  if (set.text) await db.sql.run(`update organisations set ${set.text} where id = ?`, [...set.params, id]);
}

export async function insertWaveRow(db: Db, values: typeof waves.$inferInsert): Promise<Wave> {
  const { text, params } = insertStatement(waves, values);
  return fromRow(waves, (await db.sql.get(text, params))!);
}

export async function setWaveStatus(db: Db, orgId: number, waveId: number, status: Wave["status"]): Promise<boolean> {
  return (await db.sql.run("update waves set status = ? where id = ? and org_id = ?", [status, waveId, orgId])).changes === 1;
}
