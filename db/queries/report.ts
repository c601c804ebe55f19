import type { Db } from "../client";

const SELF_COLUMNS = ["data", "security", "coding", "mobile", "social", "analytics", "cloud", "ai"] as const;

export type MeanLevels = { n: number; orgs: number; means: Record<string, number> };

function meansFromRow(row: Record<string, number | null>, capabilityIds: readonly string[]): Record<string, number> {
  const means: Record<string, number> = {};
  for (const id of capabilityIds) {
    const v = row[`m_${id}`];
    if (typeof v === "number") means[id] = v;
  }
  return means;
}

function selectMeans(capabilityIds: readonly string[]): string {
  const known = capabilityIds.filter((id) => (SELF_COLUMNS as readonly string[]).includes(id));
  return known.map((id) => `avg(r.self_${id}) as m_${id}`).join(", ");
}

/** Mean self level per capability over one wave's submitted responses. */
export function waveMeanLevels(db: Db, waveId: number, capabilityIds: readonly string[]): MeanLevels {
  const row = db.$client
    .prepare(`select count(*) as n, ${selectMeans(capabilityIds)} from responses r where r.wave_id = ? and r.status = 'submitted'`)
    .get(waveId) as Record<string, number | null>;
  return { n: row.n ?? 0, orgs: 1, means: meansFromRow(row, capabilityIds) };
}

/**
 * The benchmark population: submitted responses of each organisation's latest wave that has any
 * (latest by opening date, then creation), organisations not archived.
 */
export const LATEST_WAVES_SQL = `
  select id as wave_id, org_id from (
    select w.id, w.org_id,
      row_number() over (partition by w.org_id order by coalesce(w.opens_at, w.created_at) desc, w.id desc) as rn
    from waves w join organisations o on o.id = w.org_id
    where o.archived_at is null
      and exists (select 1 from responses x where x.wave_id = w.id and x.status = 'submitted')
  ) where rn = 1`;

export function benchmarkMeanLevels(db: Db, capabilityIds: readonly string[]): MeanLevels {
  const row = db.$client
    .prepare(
      `with latest as (${LATEST_WAVES_SQL})
       select count(*) as n, count(distinct l.org_id) as orgs, ${selectMeans(capabilityIds)}
       from responses r join latest l on l.wave_id = r.wave_id where r.status = 'submitted'`,
    )
    .get() as Record<string, number | null>;
  return { n: row.n ?? 0, orgs: row.orgs ?? 0, means: meansFromRow(row, capabilityIds) };
}
