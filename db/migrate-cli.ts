import { env } from "../core/env";
import { closeDatabase, openDatabase } from "./client";

async function main(): Promise<void> {
  const file = env().DATABASE_PATH;
  await closeDatabase(openDatabase(file));
  console.log(`Migrated ${file}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
