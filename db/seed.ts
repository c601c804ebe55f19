import { env } from "../core/env";
import { closeDatabase, openDatabase } from "./client";
import { seedDemo } from "./seed-demo";

async function main(): Promise<void> {
  const file = env().DATABASE_PATH;
  const db = openDatabase(file);
  try {
    const existing = (await db.sql.value<number>("select count(*) from organisations")) ?? 0;
    if (existing > 0) {
      console.log(`${file} already has ${existing} organisations; not seeding.`);
    } else {
      const started = Date.now();
      const s = await seedDemo(db);
      console.log(
        `Seeded ${file}: ${s.organisations} organisations in ${s.sectors} sectors, ${s.responses} submitted responses, open wave code "${s.demoCode}" (${Date.now() - started} ms).`,
      );
    }
  } finally {
    await closeDatabase(db);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
