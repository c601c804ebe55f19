/*
 * Rows of the tables in db/schema.ts as the app's types, on either database: column names become the
 * schema's keys, JSON text is parsed and 0/1 flags become booleans by the schema's own column
 * mappings (both databases store them the same way, decision 015). Inserts are built the same way.
 */
import { getTableColumns, getTableName, type InferInsertModel, type InferSelectModel, type Table } from "drizzle-orm";

/** One stored row (keys are column names) as the table's select type. */
export function fromRow<T extends Table>(table: T, row: Record<string, unknown>): InferSelectModel<T> {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = row[column.name];
    out[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return out as InferSelectModel<T>;
}

/** Rows as the table's select type. */
export const fromRows = <T extends Table>(table: T, rows: Record<string, unknown>[]): InferSelectModel<T>[] => rows.map((r) => fromRow(table, r));

/**
 * An INSERT of `values` (keys as in the schema) returning the stored row, and its parameters. Keys
 * left out take the column's default.
 */
export function insertStatement<T extends Table>(table: T, values: InferInsertModel<T>, { returning = true } = {}): { text: string; params: unknown[] } {
  const columns = getTableColumns(table);
  const names: string[] = [];
  const params: unknown[] = [];
  for (const [key, value] of Object.entries(values as Record<string, unknown>)) {
    const column = columns[key];
    if (!column || value === undefined) continue;
    names.push(`"${column.name}"`);
    params.push(value === null ? null : column.mapToDriverValue(value));
  }
  const text = `insert into "${getTableName(table)}" (${names.join(", ")}) values (${names.map(() => "?").join(", ")})${returning ? " returning *" : ""}`;
  return { text, params };
}

/** An UPDATE … SET of `values` (keys as in the schema): the SET clause and its parameters. */
export function setClause<T extends Table>(table: T, values: Partial<InferInsertModel<T>>): { text: string; params: unknown[] } {
  const columns = getTableColumns(table);
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const [key, value] of Object.entries(values as Record<string, unknown>)) {
    const column = columns[key];
    if (!column || value === undefined) continue;
    parts.push(`"${column.name}" = ?`);
    params.push(value === null ? null : column.mapToDriverValue(value));
  }
  return { text: parts.join(", "), params };
}
