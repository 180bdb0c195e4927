// Migrating and provisioning as the owner, one server at a time per database.
import { fileURLToPath } from "node:url";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { provisionAppLogin, type AppLogin } from "./app-role";
import { DatabaseStartError } from "./errors";

export const migrationsFolder = fileURLToPath(new URL("../migrations", import.meta.url));

const MINIMUM_SERVER_VERSION = 150000;

export async function assertServerVersion(owner: postgres.Sql): Promise<void> {
  const [row] = await owner<{ version: number; text: string }[]>`
    select current_setting('server_version_num')::int as version, current_setting('server_version') as text`;
  if (!row || row.version < MINIMUM_SERVER_VERSION) {
    throw new DatabaseStartError(
      `Tandem needs PostgreSQL 15 or newer; the server at DATABASE_URL runs ${row?.text ?? "an unknown version"}.`,
    );
  }
}

/**
 * Bring the database at ownerUrl up to date and return the app's login. Several servers may start
 * at once: a session advisory lock (advisory locks are per database) lets one migrate while the
 * others wait, then they find nothing left to do.
 */
export async function prepareDatabase(ownerUrl: string): Promise<AppLogin> {
  // One connection, so the lock, the migrator's transaction and provisioning share a session.
  const owner = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    await assertServerVersion(owner);
    await owner`select pg_advisory_lock(hashtext('tandem:migrate'))`;
    try {
      await migrate(drizzle(owner), { migrationsFolder });
      return await provisionAppLogin(owner);
    } finally {
      await owner`select pg_advisory_unlock(hashtext('tandem:migrate'))`;
    }
  } finally {
    await owner.end();
  }
}
