// @tandem/db: the drizzle schema, migrations with row-level security, the app connection and demo data.
export * as schema from "./schema";
export * from "./schema";
export type { Database, Tx } from "./types";
export { startDatabase, withTenant, withPerson, withDirectory, withFeedToken, withPasswordResetToken, actAsPerson, type DatabaseHandle, type StartDatabaseOptions } from "./client";
export { assertSafeDatabaseRole } from "./app-role";
export { UnsafeDatabaseRoleError, DatabaseStartError } from "./errors";
export { seedDemo, isDatabaseEmpty, DEMO_PASSWORD, type DemoAccount, type SeedDemoOptions } from "./seed";
