import { env } from "../core/env";
import { openDatabase } from "./client";

const file = env().DATABASE_PATH;
openDatabase(file).$client.close();
console.log(`Migrated ${file}`);
