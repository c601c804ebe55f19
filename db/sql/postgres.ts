/*
 * The PostgreSQL side of db/sql/types.ts over a node-postgres pool. Statements are written with `?`
 * placeholders, as for SQLite, and numbered here ($1, $2, …). A transaction runs on one client taken
 * from the pool, at PostgreSQL's defaults (READ COMMITTED, synchronous_commit on): statements that
 * must not lose a concurrent update say so themselves (a conditional UPDATE, SELECT … FOR UPDATE, or
 * an advisory transaction lock).
 */
import pg from "pg";
import type { Params, Sql } from "./types";

const numbered = new Map<string, string>();

/** `?` placeholders as $1, $2, … outside quoted strings, identifiers and comments. */
export function numberPlaceholders(text: string): string {
  const hit = numbered.get(text);
  if (hit !== undefined) return hit;
  let out = "";
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      const stop = end === -1 ? text.length : end + 1;
      out += text.slice(i, stop);
      i = stop - 1;
    } else if (c === "-" && text[i + 1] === "-") {
      const end = text.indexOf("\n", i);
      const stop = end === -1 ? text.length : end;
      out += text.slice(i, stop);
      i = stop - 1;
    } else if (c === "?") out += `$${++n}`;
    else out += c;
  }
  numbered.set(text, out);
  return out;
}

/*
 * count(*), sum() and bigint columns come back as JavaScript numbers, as from SQLite (every count and
 * sum here is far below 2^53; a larger one is an error, not a wrong number).
 */
const toNumber = (s: string): number => {
  const n = Number(s);
  if (!Number.isSafeInteger(n) && Number.isInteger(n)) throw new Error(`PostgreSQL value ${s} is beyond JavaScript's exact integers`);
  return n;
};
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return toNumber;
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

export function postgresPool(url: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, types });
  // An idle connection the server ends (a restart, a failover, an administrator) emits an error on
  // the pool; without a listener that is an uncaught exception. The pool has already dropped the
  // connection and opens a new one for the next query, so the error is only reported.
  pool.on("error", (error) => console.error(`PostgreSQL: an idle connection was closed: ${error.message}`));
  return pool;
}

type Queryable = pg.Pool | pg.PoolClient;

function over(client: Queryable, inTransaction: { depth: number } | null): Sql {
  const query = (text: string, params: Params, rowMode?: "array") =>
    client.query({ text: numberPlaceholders(text), values: params as unknown[], ...(rowMode ? { rowMode } : {}) });
  const sql: Sql = {
    dialect: "postgres",
    async all<T extends object>(text: string, params: Params = []) {
      return (await query(text, params)).rows as T[];
    },
    async get<T extends object>(text: string, params: Params = []) {
      return (await query(text, params)).rows[0] as T | undefined;
    },
    async column<T>(text: string, params: Params = []) {
      return (await query(text, params, "array")).rows.map((r: unknown[]) => r[0] as T);
    },
    async value<T>(text: string, params: Params = []) {
      const rows = (await query(text, params, "array")).rows as unknown[][];
      return rows.length ? (rows[0]![0] as T) : undefined;
    },
    async run(text: string, params: Params = []) {
      return { changes: (await query(text, params)).rowCount ?? 0 };
    },
    async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
      if (inTransaction) {
        const name = `sp_${++inTransaction.depth}`;
        await client.query(`SAVEPOINT ${name}`);
        try {
          const result = await fn(sql);
          await client.query(`RELEASE SAVEPOINT ${name}`);
          return result;
        } catch (error) {
          await client.query(`ROLLBACK TO SAVEPOINT ${name}`);
          throw error;
        }
      }
      const pool = client as pg.Pool;
      const own = await pool.connect();
      let broken: Error | undefined;
      try {
        await own.query("BEGIN");
        try {
          const result = await fn(over(own, { depth: 0 }));
          await own.query("COMMIT");
          return result;
        } catch (error) {
          await own.query("ROLLBACK").catch((e: Error) => (broken = e));
          throw error;
        }
      } finally {
        own.release(broken);
      }
    },
  };
  return sql;
}

/** Statements on the pool; a transaction takes one client for its whole length. */
export function postgresSql(pool: pg.Pool): Sql {
  return over(pool, null);
}
