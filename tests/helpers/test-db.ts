import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { openDatabase, type SqliteDb } from "../../db/client";

/**
 * A fresh SQLite file migrated by the real migrations, one per call (so per test file), removed
 * when the file's tests finish. No mocked database anywhere.
 */
export function createTestDb(): SqliteDb {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "digiskills-test-"));
  const db = openDatabase(path.join(dir, "test.db"));
  afterAll(() => {
    db.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return db;
}
