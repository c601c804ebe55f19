/*
 * The SQLite side of db/sql/types.ts over one better-sqlite3 connection. better-sqlite3 runs each
 * statement synchronously and its own transaction() takes only synchronous functions, so an
 * asynchronous transaction here is BEGIN IMMEDIATE … COMMIT issued by hand while this connection is
 * reserved for it: other transactions of the process queue behind it, and statements outside it wait
 * until it has finished, so they never run inside it or see what it has not committed. Other
 * processes are kept out by SQLite's own write lock (busy_timeout).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type Database from "better-sqlite3";
import type { Params, Sql } from "./types";

type Statement = Database.Statement<unknown[], unknown>;

/** The SQLite Sql, plus synchronous work on the raw connection in its turn (bulk reads such as the export). */
export type SqliteSql = Sql & {
  /** Runs `fn` on the connection when no other request's transaction holds it (never inside one), synchronously. */
  withConnection<T>(fn: (database: Database.Database) => T): Promise<T>;
};

export function sqliteSql(database: Database.Database): SqliteSql {
  // Two caches: better-sqlite3's pluck() changes the statement it is called on for good, so a
  // statement read whole (all, get) and one read by its first column (column, value) are two.
  const whole = new Map<string, Statement>();
  const plucked = new Map<string, Statement>();
  const prepare = (text: string): Statement => {
    let s = whole.get(text);
    if (!s) {
      s = database.prepare(text);
      whole.set(text, s);
    }
    return s;
  };
  const preparePlucked = (text: string): Statement => {
    let s = plucked.get(text);
    if (!s) {
      s = database.prepare(text).pluck();
      plucked.set(text, s);
    }
    return s;
  };
  // The transaction holding the connection (its identity), and the end of the queue of transactions.
  const inside = new AsyncLocalStorage<object>();
  let holder: object | null = null;
  let queue: Promise<void> = Promise.resolve();

  /** Resolves when a statement from the calling context may run now (never inside someone else's transaction). */
  async function turn(): Promise<void> {
    while (holder !== null && inside.getStore() !== holder) await queue;
  }

  const bind = (params: Params) => params.map((p) => (typeof p === "boolean" ? (p ? 1 : 0) : p));

  const sql: SqliteSql = {
    dialect: "sqlite",
    async withConnection<T>(fn: (database: Database.Database) => T): Promise<T> {
      await turn();
      return fn(database);
    },
    async all<T extends object>(text: string, params: Params = []) {
      await turn();
      return prepare(text).all(...bind(params)) as T[];
    },
    async get<T extends object>(text: string, params: Params = []) {
      await turn();
      return prepare(text).get(...bind(params)) as T | undefined;
    },
    async column<T>(text: string, params: Params = []) {
      await turn();
      return preparePlucked(text).all(...bind(params)) as T[];
    },
    async value<T>(text: string, params: Params = []) {
      await turn();
      return preparePlucked(text).get(...bind(params)) as T | undefined;
    },
    async run(text: string, params: Params = []) {
      await turn();
      return { changes: prepare(text).run(...bind(params)).changes };
    },
    async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
      const current = inside.getStore();
      if (current !== undefined && current === holder) return savepoint(fn);
      const me = {};
      const previous = queue;
      let release!: () => void;
      queue = new Promise<void>((resolve) => (release = resolve));
      await previous;
      holder = me;
      try {
        return await inside.run(me, async () => {
          prepare("BEGIN IMMEDIATE").run();
          try {
            const result = await fn(sql);
            prepare("COMMIT").run();
            return result;
          } catch (error) {
            if (database.inTransaction) prepare("ROLLBACK").run();
            throw error;
          }
        });
      } finally {
        holder = null;
        release();
      }
    },
  };

  let savepoints = 0;
  async function savepoint<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    const name = `sp_${++savepoints}`;
    database.prepare(`SAVEPOINT ${name}`).run();
    try {
      const result = await fn(sql);
      database.prepare(`RELEASE ${name}`).run();
      return result;
    } catch (error) {
      database.prepare(`ROLLBACK TO ${name}`).run();
      database.prepare(`RELEASE ${name}`).run();
      throw error;
    }
  }

  return sql;
}
