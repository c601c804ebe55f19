/*
 * One asynchronous way to run SQL on either database (docs/decisions/016-async-data-layer.md): the
 * query layer writes each statement once, with `?` placeholders, and awaits it; db/sql/sqlite.ts and
 * db/sql/postgres.ts run it, each with its own transaction path.
 */
export type Dialect = "sqlite" | "postgres";
export type Params = readonly unknown[];

export interface Sql {
  readonly dialect: Dialect;
  /** Every row, as objects keyed by column name. */
  all<T extends object = Record<string, unknown>>(text: string, params?: Params): Promise<T[]>;
  /** The first row, or undefined. */
  get<T extends object = Record<string, unknown>>(text: string, params?: Params): Promise<T | undefined>;
  /** The first column of every row. */
  column<T = unknown>(text: string, params?: Params): Promise<T[]>;
  /** The first column of the first row, or undefined when there is no row. */
  value<T = unknown>(text: string, params?: Params): Promise<T | undefined>;
  /** Runs a statement; `changes` is the number of rows it inserted, updated or deleted. */
  run(text: string, params?: Params): Promise<{ changes: number }>;
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws (the error
   * goes on). Inside, use only `tx`. A transaction inside a transaction is a savepoint.
   */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
}
