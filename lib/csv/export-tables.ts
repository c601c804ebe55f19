import type { Db } from "../../db/client";
import type { Organisation } from "../../db/schema";
import { AGGREGATE_COLUMNS, BENCHMARK_COLUMNS, benchmarkTableRows, organisationAggregateRows } from "../benchmark/tables";
import { BOM, csvLines } from "./safe-cell";

/** Organisation aggregates CSV (small groups suppressed) for the given organisations. */
export async function aggregatesCsv(db: Db, orgs: readonly Organisation[], min: number): Promise<{ csv: string; rows: number }> {
  let rows = 0;
  let csv = BOM + csvLines([AGGREGATE_COLUMNS]);
  for (const org of orgs) {
    const r = await organisationAggregateRows(db, org, min);
    rows += r.length;
    csv += csvLines(r);
  }
  return { csv, rows };
}

/** Benchmark tables CSV: median, top quartile and top decile for all, each sector and each size band. */
export async function benchmarkCsv(db: Db, min: number): Promise<{ csv: string; rows: number }> {
  const rows = await benchmarkTableRows(db, min);
  return { csv: BOM + csvLines([BENCHMARK_COLUMNS]) + csvLines(rows), rows: rows.length };
}
