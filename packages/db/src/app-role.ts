// The application login role: provisioned by the owner at start, then checked from its own connection.
import { createHash, randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type postgres from "postgres";
import { UnsafeDatabaseRoleError } from "./errors";
import type { Database } from "./types";

export interface AppLogin {
  roleName: string;
  password: string;
}

/** PostgreSQL role names are cluster-wide and at most 63 bytes; `pg_` is reserved. */
export function loginRoleName(database: string): string {
  let clean = database.toLowerCase().replace(/[^a-z0-9_]/g, "_");
  if (clean.startsWith("pg_")) clean = `t_${clean}`;
  // "_login", not "_app": the database `tandem` must not get the group role's own name.
  const name = `${clean}_login`;
  if (clean === database && name.length <= 63) return name;
  const hash = createHash("sha256").update(database).digest("hex").slice(0, 8);
  return `${clean.slice(0, 48)}_${hash}_login`;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * Make sure this database's login role exists, belongs to tandem_app and has the stored password.
 * The name and password are generated once and kept in tandem_private.app_login, so every server on
 * the database (and every database cloned from it) agrees. Run as the owner, after migrating.
 */
export async function provisionAppLogin(owner: postgres.Sql): Promise<AppLogin> {
  const stored = await owner<{ role_name: string; password: string }[]>`
    select role_name, password from tandem_private.app_login order by created_at limit 1`;
  let login: AppLogin;
  if (stored[0]) {
    login = { roleName: stored[0].role_name, password: stored[0].password };
  } else {
    const [row] = await owner<{ db: string }[]>`select current_database() as db`;
    login = { roleName: loginRoleName(row!.db), password: randomBytes(24).toString("hex") };
    await owner`insert into tandem_private.app_login (role_name, password) values (${login.roleName}, ${login.password})`;
  }

  const role = quoteIdent(login.roleName);
  const password = quoteLiteral(login.password);
  const exists = await owner`select 1 from pg_roles where rolname = ${login.roleName}`;
  if (exists.length === 0) {
    try {
      await owner.unsafe(
        `create role ${role} login password ${password} nosuperuser nobypassrls nocreatedb nocreaterole inherit in role tandem_app`,
      );
      return login;
    } catch (error) {
      // Another database in the cluster created it a moment ago; fall through and align it.
      if ((error as { code?: string }).code !== "42710") throw error;
    }
  }
  await owner.unsafe(`alter role ${role} with login password ${password}`);
  await owner.unsafe(`grant tandem_app to ${role}`);
  return login;
}

/**
 * Refuse a connection that row-level security would not bind: a superuser, a BYPASSRLS role (or a
 * member of one), or the owner of any table in public (owners skip policies unless forced, and may
 * drop them).
 */
export async function assertSafeDatabaseRole(db: Database): Promise<void> {
  const rows = await db.execute<{ user: string; privileged: boolean; owned: number }>(sql`
    select current_user as "user",
      exists (
        select 1 from pg_roles r
        where (r.rolsuper or r.rolbypassrls) and pg_has_role(current_user, r.oid, 'MEMBER')
      ) as privileged,
      (
        select count(*)::int from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f')
          and pg_has_role(current_user, c.relowner, 'MEMBER')
      ) as owned`);
  const row = rows[0];
  if (!row) throw new UnsafeDatabaseRoleError("Could not read the database role of the app connection.");
  const problems: string[] = [];
  if (row.privileged) problems.push("is (or can become) a superuser or a BYPASSRLS role");
  if (row.owned > 0) problems.push(`owns ${row.owned} table(s) in schema public`);
  if (problems.length > 0) {
    throw new UnsafeDatabaseRoleError(
      `The app connects to PostgreSQL as "${row.user}", which ${problems.join(" and ")}: ` +
        "row-level security would not isolate organisations. Tandem refuses to start. " +
        "The app must use a login role that is a member of tandem_app only.",
    );
  }
}
