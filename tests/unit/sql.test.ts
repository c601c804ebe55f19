/*
 * db/sql: the same statements and transactions on a real SQLite file and a real PostgreSQL server
 * (the unit run's throwaway cluster, tests/helpers/pg-global-setup.ts), with the same results.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqliteSql } from "../../db/sql/sqlite";
import { numberPlaceholders, postgresPool, postgresSql } from "../../db/sql/postgres";
import type { Sql } from "../../db/sql/types";
import { freshPgDatabase } from "../helpers/pg-test-db";

/** A promise and the function that settles it, to hold a transaction open until the test lets it go. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

const dialects: [string, () => Promise<{ sql: Sql; blob: string; close: () => Promise<void> }>][] = [
  [
    "sqlite",
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "digiskills-sql-"));
      const database = new Database(path.join(dir, "t.db"));
      database.pragma("journal_mode = WAL");
      database.pragma("busy_timeout = 5000");
      return {
        sql: sqliteSql(database),
        blob: "blob",
        close: async () => {
          database.close();
          fs.rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  ],
  [
    "postgres",
    async () => {
      const pool = postgresPool(await freshPgDatabase("sql"));
      return { sql: postgresSql(pool), blob: "bytea", close: () => pool.end() };
    },
  ],
];

describe("numberPlaceholders", () => {
  it("numbers ? outside quoted text and comments", () => {
    expect(numberPlaceholders(`select ? , '?' , "a?" , x -- what?\n from t where a = ? and b in (?, ?)`)).toBe(
      `select $1 , '?' , "a?" , x -- what?\n from t where a = $2 and b in ($3, $4)`,
    );
  });
});

describe.each(dialects)("db/sql on %s", (_name, open) => {
  let sql: Sql;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const opened = await open();
    sql = opened.sql;
    close = opened.close;
    await sql.run(`create table items (id integer primary key, name text not null, owner text, n integer not null default 0, data ${opened.blob})`);
  });
  afterAll(() => close());

  it("reads rows, columns and values with numbers, text, nulls and bytes as SQLite gives them", async () => {
    const bytes = Buffer.from([0, 1, 2, 254, 255]);
    expect((await sql.run("insert into items (id, name, data) values (?, ?, ?), (?, ?, ?)", [1, "a'?", bytes, 2, "b", null])).changes).toBe(2);
    expect(await sql.all("select id, name, owner, n from items order by id")).toEqual([
      { id: 1, name: "a'?", owner: null, n: 0 },
      { id: 2, name: "b", owner: null, n: 0 },
    ]);
    expect(await sql.get("select name from items where id = ?", [2])).toEqual({ name: "b" });
    expect(await sql.get("select name from items where id = ?", [3])).toBeUndefined();
    expect(await sql.column("select id from items where name <> '?' order by id desc")).toEqual([2, 1]);
    // count(*) and sum() are bigint/numeric on PostgreSQL: numbers here, as on SQLite.
    expect(await sql.value("select count(*) from items")).toBe(2);
    expect(await sql.value("select sum(id) from items")).toBe(3);
    expect(await sql.value("select id from items where id = 99")).toBeUndefined();
    // The same statement read by its first column, then whole: each call gets what it asked for.
    expect(await sql.value("select id, name from items where id = ?", [2])).toBe(2);
    expect(await sql.get("select id, name from items where id = ?", [2])).toEqual({ id: 2, name: "b" });
    expect(await sql.column("select id, name from items order by id")).toEqual([1, 2]);
    expect(await sql.all("select id, name from items order by id")).toEqual([
      { id: 1, name: "a'?" },
      { id: 2, name: "b" },
    ]);
    expect(Buffer.compare((await sql.value<Buffer>("select data from items where id = 1"))!, bytes)).toBe(0);
    expect((await sql.run("update items set n = n + 1 where id > ?", [0])).changes).toBe(2);
    await sql.run("delete from items");
  });

  it("commits a transaction that resolves and rolls back one that throws, passing the error on", async () => {
    await sql.transaction(async (tx) => {
      await tx.run("insert into items (id, name) values (?, ?)", [10, "kept"]);
    });
    const boom = new Error("boom");
    await expect(
      sql.transaction(async (tx) => {
        await tx.run("insert into items (id, name) values (?, ?)", [11, "lost"]);
        throw boom;
      }),
    ).rejects.toBe(boom);
    // A failing statement rolls back what the transaction wrote before it.
    await expect(
      sql.transaction(async (tx) => {
        await tx.run("insert into items (id, name) values (?, ?)", [12, "lost"]);
        await tx.run("insert into items (id, name) values (?, ?)", [10, "duplicate"]);
      }),
    ).rejects.toThrow();
    expect(await sql.column("select name from items order by id")).toEqual(["kept"]);
    await sql.run("delete from items");
  });

  it("a transaction inside a transaction is a savepoint: its rollback keeps the outer writes", async () => {
    await sql.transaction(async (tx) => {
      await tx.run("insert into items (id, name) values (20, 'outer')");
      await expect(
        tx.transaction(async (inner) => {
          await inner.run("insert into items (id, name) values (21, 'inner')");
          throw new Error("inner fails");
        }),
      ).rejects.toThrow("inner fails");
      await tx.transaction(async (inner) => {
        await inner.run("insert into items (id, name) values (22, 'inner kept')");
      });
    });
    expect(await sql.column("select id from items order by id")).toEqual([20, 22]);
    await sql.run("delete from items");
  });

  it("of 40 concurrent transactions claiming one row with a conditional update, exactly one wins; 40 increments make 40", async () => {
    await sql.run("insert into items (id, name) values (30, 'prize')");
    const claims = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        sql.transaction(async (tx) => {
          const { changes } = await tx.run("update items set owner = ? where id = 30 and owner is null", [`t${i}`]);
          await tx.run("update items set n = n + 1 where id = 30");
          return changes;
        }),
      ),
    );
    expect(claims.filter((c) => c === 1)).toHaveLength(1);
    expect(await sql.get("select n from items where id = 30")).toEqual({ n: 40 });
    await sql.run("delete from items");
  });

  it("a statement outside an open transaction never sees or joins what it has not committed", async () => {
    const held = gate();
    const inserted = gate();
    const tx = sql.transaction(async (t) => {
      await t.run("insert into items (id, name) values (40, 'uncommitted')");
      inserted.open();
      await held.wait;
      throw new Error("rolled back");
    });
    await inserted.wait;
    let read: string[] | undefined;
    const reading = sql.column<string>("select name from items").then((r) => (read = r));
    const writing = sql.run("insert into items (id, name) values (41, 'outside')");
    held.open();
    await expect(tx).rejects.toThrow("rolled back");
    await Promise.all([reading, writing]);
    expect(read).not.toContain("uncommitted");
    // SQLite runs the two outside statements in order once the transaction is over; PostgreSQL runs
    // them at once on other connections, so there the read may already see the committed insert.
    if (sql.dialect === "sqlite") expect(read).toEqual([]);
    else expect([[], ["outside"]]).toContainEqual(read);
    expect(await sql.column("select name from items")).toEqual(["outside"]);
    await sql.run("delete from items");
  });
});

describe("the PostgreSQL pool", () => {
  it("survives the server ending its idle connections: the error is reported, not thrown, and the next query opens a new one", async () => {
    const url = await freshPgDatabase("drop");
    const pool = postgresPool(url, 2);
    const admin = postgresPool(url, 1);
    try {
      const sql = postgresSql(pool);
      await Promise.all([sql.value("select 1"), sql.value("select 2")]); // two idle connections in the pool
      // Without a listener of the pool's own, each of these errors would be an uncaught exception.
      expect(pool.listenerCount("error")).toBe(1);
      // Both idle connections report their end before the next query asks the pool for one.
      let errors = 0;
      const ended = new Promise((resolve) => pool.on("error", () => ++errors === 2 && resolve(errors)));
      await postgresSql(admin).run("select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()");
      await ended;
      expect(await sql.value("select 42")).toBe(42);
    } finally {
      await Promise.all([pool.end(), admin.end()]);
    }
  });
});
