import { sql } from "drizzle-orm";
import { env } from "../core/env";
import { openDatabase } from "./client";
import { organisations } from "./schema";
import { seedDemo } from "./seed-demo";

const file = env().DATABASE_PATH;
const db = openDatabase(file);
const existing = db.select({ n: sql<number>`count(*)` }).from(organisations).get()?.n ?? 0;
if (existing > 0) {
  console.log(`${file} already has ${existing} organisations; not seeding.`);
} else {
  const started = Date.now();
  const s = seedDemo(db);
  console.log(
    `Seeded ${file}: ${s.organisations} organisations in ${s.sectors} sectors, ${s.responses} submitted responses, open wave code "${s.demoCode}" (${Date.now() - started} ms).`,
  );
}
db.$client.close();
