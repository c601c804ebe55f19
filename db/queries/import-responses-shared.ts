/*
 * What the SQLite and the PostgreSQL staging of a responses CSV import have in common
 * (db/queries/import-responses.ts): the result, the staged rows, and the checks of the staged rows
 * against each other and the database, written once in SQL both accept.
 */
import type { CellError, ParsedRow } from "../../core/csv-columns";
import { RESPONSE_CSV_COLUMNS } from "../../core/csv-columns";
import type { Sql } from "../sql/types";

export const ANSWER_COLUMNS = RESPONSE_CSV_COLUMNS.slice(RESPONSE_CSV_COLUMNS.indexOf("self_data"));
export const STAGED = ["line", ...RESPONSE_CSV_COLUMNS] as const;

export type StagedRow = { line: number; id: string | null; row: ParsedRow | null };

export type ImportResult = { rows: number; inserted: number; alreadyPresent: number; organisationsCreated: number; wavesCreated: number; departmentsAdded: number };

export function duplicateIdError(line: number, id: string, firstLine: number): CellError {
  return { line, column: "response_id", message: `"${id}" appears twice in the file (first on line ${firstLine}); each response must appear once` };
}

/**
 * Checks the staged rows (table `t`) against each other and the database: one organisation described
 * two ways, an organisation that exists with another sector or size band, a response id that exists
 * with different values. `is distinct from` is the null-safe comparison on both databases.
 */
export async function stagedConflictsIn(sql: Sql, t: string, limit: number): Promise<CellError[]> {
  const errors: CellError[] = [];
  const inFile = await sql.all<Record<string, string | number>>(
    `with first as (select org, min(line) line from ${t} group by org)
     select s.line, s.org, s.org_name, s.sector, s.size_band, f0.line first_line, f0.org_name f_name, f0.sector f_sector, f0.size_band f_size
     from ${t} s join first f on f.org = s.org join ${t} f0 on f0.line = f.line
     where s.org_name is distinct from f0.org_name or s.sector is distinct from f0.sector or s.size_band is distinct from f0.size_band
     order by s.line limit ?`,
    [limit],
  );
  for (const r of inFile) {
    for (const [col, first] of [["org_name", "f_name"], ["sector", "f_sector"], ["size_band", "f_size"]] as const) {
      if (r[col] !== r[first]) {
        errors.push({ line: r.line as number, column: col, message: `"${r[col]}" differs from "${r[first]}" given for organisation "${r.org}" on line ${r.first_line}; one organisation must be described the same way on every row` });
      }
    }
  }
  const existing = await sql.all<Record<string, string | number>>(
    `select s.line, s.org, s.org_name, s.sector, s.size_band, o.name, o.sector o_sector, o.size_band o_size
     from ${t} s join organisations o on o.slug = s.org
     where s.line in (select min(line) from ${t} group by org)
       and (s.org_name is distinct from o.name or s.sector is distinct from o.sector or s.size_band is distinct from o.size_band)
     order by s.line limit ?`,
    [limit],
  );
  for (const r of existing) {
    for (const [col, have] of [["org_name", "name"], ["sector", "o_sector"], ["size_band", "o_size"]] as const) {
      if (r[col] !== r[have]) {
        errors.push({ line: r.line as number, column: col, message: `"${r[col]}" differs from the existing organisation "${r.org}", which has "${r[have]}"; use the existing value or another slug` });
      }
    }
  }
  const differs = ANSWER_COLUMNS.map((c) => `s."${c}" is distinct from r."${c}"`).join(" or ");
  const changed = await sql.all<{ line: number; response_id: string }>(
    `select s.line, s.response_id from ${t} s
     join responses r on r.id = s.response_id
     join waves w on w.id = r.wave_id join organisations o on o.id = w.org_id
     where r.status <> 'submitted' or o.slug is distinct from s.org or w.label is distinct from s.wave or r.department is distinct from s.department
        or r.seniority is distinct from s.seniority or r.locale is distinct from s.locale or r.submitted_at is distinct from s.submitted_at or ${differs}
     order by s.line limit ?`,
    [limit],
  );
  for (const r of changed) {
    errors.push({ line: r.line, column: "response_id", message: `"${r.response_id}" already exists with different values; an import never changes a stored response` });
  }
  return errors.sort((a, b) => a.line - b.line).slice(0, limit);
}
