import { Readable } from "node:stream";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { rebuildAggregates } from "../../db/queries/aggregates";
import { RESPONSE_CSV_COLUMNS } from "../../core/csv-columns";
import { responsesCsvChunks } from "../../lib/csv/export-responses";
import { importResponsesCsv } from "../../lib/csv/import-responses";
import { csvLines } from "../../lib/csv/safe-cell";
import { createTestDb } from "../helpers/test-db";

const HEADER = RESPONSE_CSV_COLUMNS.join(",");

type Row = Partial<Record<string, string>>;

function row(overrides: Row = {}): string[] {
  const base: Record<string, string> = {
    response_id: "r-1",
    org: "acme",
    org_name: "Acme 有限公司",
    sector: "Retail",
    size_band: "medium",
    wave: "2026-Q2",
    department: "Sales",
    seniority: "staff",
    submitted_at: "2026-05-04T09:30:00.000Z",
    locale: "zh-Hant",
    self_data: "4", self_security: "3", self_coding: "2", self_mobile: "5", self_social: "4", self_analytics: "2", self_cloud: "4", self_ai: "1",
    org_data: "yes", org_security: "partly", org_coding: "no", org_mobile: "yes", org_social: "yes", org_analytics: "dont_know", org_cloud: "yes", org_ai: "no",
    vision: "4", ld_awareness: "dont_know", customer_understanding: "2",
  };
  return RESPONSE_CSV_COLUMNS.map((c) => (c in overrides ? overrides[c]! : base[c]!));
}

function csv(rows: string[][], { bom = true, eol = "\r\n" } = {}): string {
  const body = Papa.unparse(rows, { header: false, newline: eol });
  return (bom ? "\ufeff" : "") + HEADER + eol + body + eol;
}

const stream = (text: string) => Readable.from([Buffer.from(text, "utf8")]);

async function exportText(db: ReturnType<typeof createTestDb>, orgSlug?: string): Promise<string> {
  let text = "";
  for await (const chunk of responsesCsvChunks(db, { orgSlug, pageSize: 3 })) text += chunk;
  return text;
}

function parseExport(text: string): string[][] {
  expect(text.startsWith("\ufeff")).toBe(true);
  const parsed = Papa.parse<string[]>(text.slice(1), { header: false, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

const sample = [
  row(),
  row({ response_id: "r-2", department: "Research\nand Development", seniority: "", self_ai: "", org_ai: "", vision: "dont_know", submitted_at: "2026-05-05T10:00:00+08:00" }),
  row({ response_id: "r-3", org: "bolt", org_name: "Bolt, \"the\" Company", sector: "Technology", size_band: "small", wave: "W1", department: "", locale: "en", customer_understanding: "" }),
  row({ response_id: "r-4", self_data: "5", customer_understanding: "5", org_data: "yes", org_security: "yes", org_coding: "yes" }),
];

describe("responses CSV", () => {
  it("imports, exports and re-imports every value unchanged (BOM, CRLF, quotes, multi-line, empty cells)", async () => {
    const db = createTestDb();
    const outcome = await importResponsesCsv(db, stream(csv(sample)));
    expect(outcome).toEqual({ ok: true, result: { rows: 4, inserted: 4, alreadyPresent: 0, organisationsCreated: 2, wavesCreated: 2, departmentsAdded: 2 } });
    const text = await exportText(db);
    const exported = parseExport(text);
    expect(exported[0]).toEqual([...RESPONSE_CSV_COLUMNS]);
    const byId = new Map(exported.slice(1).map((r) => [r[0], r]));
    const expected = sample.map((r) => {
      const copy = [...r];
      // submitted_at is normalised to UTC ISO 8601
      copy[8] = new Date(copy[8]!).toISOString();
      return copy;
    });
    for (const r of expected) expect(byId.get(r[0]!)).toEqual(r);

    const db2 = createTestDb();
    const again = await importResponsesCsv(db2, stream(text));
    expect(again.ok).toBe(true);
    expect(await exportText(db2)).toBe(text);
  });

  it("is idempotent on response_id and keeps aggregates equal to a rebuild", async () => {
    const db = createTestDb();
    await importResponsesCsv(db, stream(csv(sample)));
    const before = await db.sql.all("select * from agg_waves order by wave_id");
    const second = await importResponsesCsv(db, stream(csv(sample, { bom: false, eol: "\n" })));
    expect(second).toEqual({ ok: true, result: { rows: 4, inserted: 0, alreadyPresent: 4, organisationsCreated: 0, wavesCreated: 0, departmentsAdded: 0 } });
    expect(await db.sql.get("select count(*) n from responses")).toEqual({ n: 4 });
    expect(await db.sql.all("select * from agg_waves order by wave_id")).toEqual(before);
    await rebuildAggregates(db);
    expect(await db.sql.all("select * from agg_waves order by wave_id")).toEqual(before);
  });

  it("imports nothing when one row is bad, naming the physical line and the column", async () => {
    const db = createTestDb();
    // Line 1 header; r-1 line 2; r-2 spans lines 3–4 (multi-line department); the bad row is on line 5.
    const rows = [sample[0]!, sample[1]!, row({ response_id: "bad", self_data: "7" }), sample[3]!];
    const outcome = await importResponsesCsv(db, stream(csv(rows)));
    expect(outcome).toEqual({
      ok: false,
      errorCount: 1,
      errors: ['line 5, column self_data: "7" is not a self rating; allowed: 1, 2, 3, 4, 5 or empty'],
    });
    expect(await db.sql.get("select (select count(*) from responses) r, (select count(*) from organisations) o, (select count(*) from waves) w, (select count(*) from agg_waves) a")).toEqual({ r: 0, o: 0, w: 0, a: 0 });
  });

  it("reports every bad row and cell with what is allowed", async () => {
    const db = createTestDb();
    const rows = [
      row({ response_id: "a", size_band: "huge", locale: "fr" }),
      row({ response_id: "b", org_data: "maybe", vision: "6", submitted_at: "yesterday" }),
      row({ response_id: "a" }),
      row({ response_id: "c", org: "Acme Ltd", seniority: "boss" }),
    ];
    const outcome = await importResponsesCsv(db, stream(csv(rows)));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors).toEqual([
      'line 2, column size_band: "huge" is not a size band; allowed: small, medium, large, enterprise',
      'line 2, column locale: "fr" is not a supported locale; allowed: en, zh-Hans, zh-Hant',
      'line 3, column submitted_at: "yesterday" is not an ISO 8601 date-time; allowed: e.g. 2026-05-04T09:30:00Z',
      'line 3, column org_data: "maybe" is not allowed; allowed: yes, partly, no, dont_know or empty',
      'line 3, column vision: "6" is not an agreement answer; allowed: 1, 2, 3, 4, 5, dont_know or empty',
      'line 4, column response_id: "a" appears twice in the file (first on line 2); each response must appear once',
      'line 5, column org: "Acme Ltd" is not a valid slug; allowed: lowercase letters, digits and single hyphens',
      'line 5, column seniority: "boss" is not allowed; allowed: staff, manager, senior_leader, executive or empty',
    ]);
    expect(outcome.errorCount).toBe(8);
  });

  it("checks the header, row width and quoting", async () => {
    const db = createTestDb();
    const missing = await importResponsesCsv(db, stream(HEADER.replace(",self_ai", "") + "\r\n"));
    expect(missing.ok || missing.errors).toEqual(["line 1, column self_ai: is missing from the header; every column of the contract is required (cells may be empty)"]);
    const extra = await importResponsesCsv(db, stream(HEADER + ",email\r\n"));
    expect(extra.ok || extra.errors[0]).toMatch(/^line 1, column email: is not a column of the responses CSV; allowed: response_id, org, /);
    const short = await importResponsesCsv(db, stream(HEADER + "\r\nr-1,acme\r\n"));
    expect(short.ok || short.errors).toEqual(["line 2, column (row): has 2 cells; expected 29, one per header column"]);
    const unclosed = await importResponsesCsv(db, stream(csv([row()]) + 'r-9,"acme\r\n'));
    expect(unclosed.ok).toBe(false);
    expect(unclosed.ok || unclosed.errors.join("\n")).toMatch(/line 3, column \(row\): .*quot/i);
    const empty = await importResponsesCsv(db, stream(""));
    expect(empty.ok || empty.errors).toEqual(["line 1, column (file): is empty; the first line must be the header row"]);
    expect(await db.sql.get("select count(*) n from responses")).toEqual({ n: 0 });
  });

  it("refuses an organisation described two ways and a stored response with different values", async () => {
    const db = createTestDb();
    const twoWays = await importResponsesCsv(db, stream(csv([row(), row({ response_id: "r-2", sector: "Finance" })])));
    expect(twoWays.ok || twoWays.errors).toEqual([
      'line 3, column sector: "Finance" differs from "Retail" given for organisation "acme" on line 2; one organisation must be described the same way on every row',
    ]);
    expect((await importResponsesCsv(db, stream(csv([row()])))).ok).toBe(true);
    const changed = await importResponsesCsv(db, stream(csv([row({ self_data: "1" })])));
    expect(changed.ok || changed.errors).toEqual(['line 2, column response_id: "r-1" already exists with different values; an import never changes a stored response']);
    const otherSize = await importResponsesCsv(db, stream(csv([row({ response_id: "r-5", size_band: "large" })])));
    expect(otherSize.ok || otherSize.errors).toEqual(['line 2, column size_band: "large" differs from the existing organisation "acme", which has "medium"; use the existing value or another slug']);
  });

  it("neutralises formula injection in exported text cells, including ones with line breaks, and leaves numbers alone", async () => {
    const db = createTestDb();
    const vectors = ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "=1+1\nsecond line", "-\ncmd|' /C calc'!A0"];
    const rows = vectors.map((d, i) => row({ response_id: `x${i}`, department: d, org_name: i === 0 ? "=cmd|' /C calc'!A0" : "Acme 有限公司" }));
    // Every row of one organisation must describe it the same way: use one org per vector.
    rows.forEach((r, i) => (r[1] = `org-${i}`));
    const outcome = await importResponsesCsv(db, stream(csv(rows)));
    expect(outcome.ok).toBe(true);
    const exported = parseExport(await exportText(db)).slice(1);
    const departments = exported.map((r) => r[6]);
    expect(departments.sort()).toEqual(vectors.map((v) => `'${v}`).sort());
    expect(exported.find((r) => r[0] === "x0")![2]).toBe("'=cmd|' /C calc'!A0");
    for (const r of exported) expect(r.slice(10, 18)).toEqual(["4", "3", "2", "5", "4", "2", "4", "1"]);
    // Tab, carriage return and line feed at the start are neutralised too; negative numbers are not text.
    expect(csvLines([["\tcmd", "\rcmd", "\ncmd", -5, 3, "plain"]])).toBe("\"'\tcmd\",\"'\rcmd\",\"'\ncmd\",-5,3,plain\r\n");
  });
});
