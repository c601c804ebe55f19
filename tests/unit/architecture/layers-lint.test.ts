/*
 * The layering rule of eslint.config.mjs (docs/architecture.md): an import that points up a layer
 * fails `npm run lint`. Each planted file is linted as if it stood at that path in the repository.
 */
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");
/*
 * The planted files exist on no disk, so TypeScript's project service cannot type them: the rules
 * that need type information (the floating-promise ones) are off here, and so is type information.
 * The layer rule needs none.
 */
const eslint = new ESLint({
  cwd: root,
  overrideConfig: {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: false, project: null } },
    rules: { "@typescript-eslint/no-floating-promises": "off", "@typescript-eslint/no-misused-promises": "off", "@typescript-eslint/await-thenable": "off" },
  },
});

async function layerErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
  // A file that does not parse reports no rule at all: that must not pass for "no upward import".
  expect(result!.messages.filter((m) => m.fatal).map((m) => m.message)).toEqual([]);
  return result!.messages.filter((m) => m.ruleId === "import/no-restricted-paths").map((m) => m.message);
}

describe("the layer rule", () => {
  it.each([
    ["db/planted.ts", 'import { startResponse } from "../lib/survey/service";\nexport const x = startResponse;', "db/ imports only questions/ and core/"],
    ["db/queries/planted.ts", 'import type { Db } from "../client";\nimport { env } from "@/server/http/origin";\nexport const x = (d: Db) => [d, env];', "db/ imports only questions/ and core/"],
    ["core/planted.ts", 'import { getDb } from "../db/client";\nexport const x = getDb;', "core/ is pure domain code"],
    ["core/disclosure/planted.ts", 'import type { Organisation } from "@/db/schema";\nexport type X = Organisation;', "core/ is pure domain code"],
    ["lib/planted.ts", 'import { requireRole } from "../server/auth/permissions";\nexport const x = requireRole;', "lib/ (services) must not import"],
    ["server/planted.ts", 'import Page from "../app/page";\nexport const x = Page;', "server/ (Next adapters) must not import app/"],
    ["questions/planted.ts", 'import { env } from "../core/env";\nexport const x = env;', "questions/ is the top layer"],
    ["bench/planted.ts", 'import { completeAnswers } from "../harness/answers";\nimport { createTestDb } from "../tests/helpers/test-db";\nexport const x = [completeAnswers, createTestDb];', "Only tests import from tests/"],
    ["lib/planted-harness.ts", 'import { completeAnswers } from "../harness/answers";\nexport const x = completeAnswers;', "does not import the test and benchmark harness"],
  ])("refuses an upward import in %s", async (file, source, message) => {
    const errors = await layerErrors(file, source);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join("\n")).toContain(message);
  });

  it.each([
    ["app/planted.ts", 'import { getDb } from "@/db/client";\nimport { requireRole } from "@/server/auth/permissions";\nimport { organisationReport } from "@/lib/benchmark/report";\nexport const x = [getDb, requireRole, organisationReport];'],
    ["lib/planted.ts", 'import { getDb } from "../db/client";\nimport { env } from "../core/env";\nimport { LOCALES } from "../questions/constants";\nexport const x = [getDb, env, LOCALES];'],
    ["db/planted.ts", 'import { COUNTERS } from "../core/counters";\nimport { LOCALES } from "../questions/constants";\nexport const x = [COUNTERS, LOCALES];'],
  ])("accepts downward imports in %s", async (file, source) => {
    expect(await layerErrors(file, source)).toEqual([]);
  });
});
