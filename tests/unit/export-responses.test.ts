import { describe, expect, it } from "vitest";
import type { SqliteDb } from "../../db/client";
import { responsesCsvChunks } from "../../lib/csv/export-responses";
import { createSqliteTestDb } from "../helpers/test-db";

// The responses CSV export against expected bytes (docs/csv-format.md): BOM, CRLF, RFC 4180 quotes,
// formula prefix, dont_know, empty cells, rowid order, drafts left out, the org filter, a stored
// value outside the known answers, and a wave and response created while an export is under way.

const HEADER =
  "response_id,org,org_name,sector,size_band,wave,department,seniority,submitted_at,locale," +
  "self_data,self_security,self_coding,self_mobile,self_social,self_analytics,self_cloud,self_ai," +
  "org_data,org_security,org_coding,org_mobile,org_social,org_analytics,org_cloud,org_ai," +
  "vision,ld_awareness,customer_understanding\r\n";

const COLUMNS = [
  "id", "wave_id", "status", "locale", "department", "seniority",
  "self_data", "self_security", "self_coding", "self_mobile", "self_social", "self_analytics", "self_cloud", "self_ai",
  "org_data", "org_security", "org_coding", "org_mobile", "org_social", "org_analytics", "org_cloud", "org_ai",
  "vision", "ld_awareness", "customer_understanding", "submitted_at",
];

function wave(db: SqliteDb, slug: string, name: string, sector: string, sizeBand: string, label: string): number {
  const orgId = db.$client.prepare("insert into organisations (slug, name, sector, size_band) values (?, ?, ?, ?)").run(slug, name, sector, sizeBand).lastInsertRowid;
  return Number(db.$client.prepare("insert into waves (org_id, label, questionnaire_version, code) values (?, ?, 1, ?)").run(orgId, label, `${slug}-code`).lastInsertRowid);
}

function response(db: SqliteDb, values: unknown[]): void {
  db.$client
    .prepare(`insert into responses (${COLUMNS.join(", ")}, step, created_at, updated_at) values (${COLUMNS.map(() => "?").join(", ")}, 0, 'x', 'x')`)
    .run(...values);
}

const none = Array(8).fill(null);

function seed(db: SqliteDb): void {
  const acme = wave(db, "acme", 'Acme, "Ltd"\nHK', "Retail", "medium", "2026-Q2");
  const zhong = wave(db, "zhong", "中文有限公司", "Technology", "small", "第一轮");
  response(db, ["r-b", acme, "submitted", "zh-Hant", '研发部, "北"\n京', "staff", 1, 2, 3, 4, 5, null, 1, 2, "yes", "partly", "no", "dont_know", null, "yes", "no", "partly", 0, null, 5, "2026-05-04T09:30:00.000Z"]);
  response(db, ["r-a", zhong, "submitted", "en", null, null, ...none, ...none, null, null, null, "2026-05-05T10:00:00.000Z"]);
  response(db, ["r-c", acme, "draft", "en", "Sales", "staff", ...none, ...none, null, null, null, null]);
  response(db, ["r-d", acme, "submitted", "en", "=HYPERLINK(1)", "executive", ...Array(8).fill(3), ...Array(8).fill("yes"), 1, 2, 3, "2026-05-06T00:00:00.000Z"]);
  response(db, ["r-e", zhong, "submitted", "zh-Hans", " Ops ", "manager", 5, ...none.slice(1), 'maybe, "x"', ...none.slice(1), 4, null, null, "2026-05-07T00:00:00.000Z"]);
}

const LINES = {
  b: 'r-b,acme,"Acme, ""Ltd""\nHK",Retail,medium,2026-Q2,"研发部, ""北""\n京",staff,2026-05-04T09:30:00.000Z,zh-Hant,1,2,3,4,5,,1,2,yes,partly,no,dont_know,,yes,no,partly,dont_know,,5\r\n',
  a: "r-a,zhong,中文有限公司,Technology,small,第一轮,,,2026-05-05T10:00:00.000Z,en,,,,,,,,,,,,,,,,,,,\r\n",
  d: 'r-d,acme,"Acme, ""Ltd""\nHK",Retail,medium,2026-Q2,"\'=HYPERLINK(1)",executive,2026-05-06T00:00:00.000Z,en,3,3,3,3,3,3,3,3,yes,yes,yes,yes,yes,yes,yes,yes,1,2,3\r\n',
  e: 'r-e,zhong,中文有限公司,Technology,small,第一轮," Ops ",manager,2026-05-07T00:00:00.000Z,zh-Hans,5,,,,,,,,"maybe, ""x""",,,,,,,,4,,\r\n',
};

/** The whole export as one string. */
async function readAll(chunks: AsyncGenerator<string, number>): Promise<string> {
  let out = "";
  for await (const chunk of chunks) out += chunk;
  return out;
}

describe("responses CSV export bytes", () => {
  const db = createSqliteTestDb();
  seed(db);

  it("writes BOM, header and the submitted responses in rowid order, quoted and neutralised, at any page size", async () => {
    const expected = "\ufeff" + HEADER + LINES.b + LINES.a + LINES.d + LINES.e;
    for (const pageSize of [1, 2, 3, 2000]) expect(await readAll(responsesCsvChunks(db, { pageSize }))).toBe(expected);
    expect(Buffer.from(await readAll(responsesCsvChunks(db)), "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it("filters one organisation", async () => {
    expect(await readAll(responsesCsvChunks(db, { orgSlug: "acme", pageSize: 1 }))).toBe("\ufeff" + HEADER + LINES.b + LINES.d);
    expect(await readAll(responsesCsvChunks(db, { orgSlug: "zhong" }))).toBe("\ufeff" + HEADER + LINES.a + LINES.e);
    expect(await readAll(responsesCsvChunks(db, { orgSlug: "nobody" }))).toBe("\ufeff" + HEADER);
  });

  it("keeps accepting submissions during an export and includes a wave created meanwhile", async () => {
    const it = responsesCsvChunks(db, { pageSize: 2 });
    let text = (await it.next()).value as string;
    text += (await it.next()).value as string;
    const late = wave(db, "late", "Late", "Retail", "large", "W9");
    response(db, ["r-f", late, "submitted", "en", "Ops", "staff", ...none, ...none, 5, 5, 5, "2026-05-08T00:00:00.000Z"]);
    let step = await it.next();
    for (; !step.done; step = await it.next()) text += step.value;
    expect(step.value).toBe(5);
    expect(text).toBe("\ufeff" + HEADER + LINES.b + LINES.a + LINES.d + LINES.e + `r-f,late,Late,Retail,large,W9,Ops,staff,2026-05-08T00:00:00.000Z,en${",".repeat(16)},5,5,5\r\n`);
  });
});
