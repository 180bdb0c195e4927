// `pnpm db:seed`: replaces all data with the demo organisations and people.
import { hashPassword, refreshAllMentorPlaces } from "@tandem/api";
import { seedDemo, startDatabase } from "@tandem/db";
import { readEnv } from "./env";
import { printDemoAccounts } from "./print-accounts";

const env = readEnv();
const database = await startDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.TANDEM_DATA_DIR, log: console.log });
try {
  printDemoAccounts(await seedDemo(database.db, { hashPassword, reset: true }), console.log);
  await refreshAllMentorPlaces(database.db, { now: new Date() });
} finally {
  await database.close();
}
