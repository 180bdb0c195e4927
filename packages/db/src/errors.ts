// Errors the database layer raises on purpose, so callers can tell them from driver failures.

/** The app connection could bypass row-level security: starting would make isolation a promise, not a fact. */
export class UnsafeDatabaseRoleError extends Error {
  override name = "UnsafeDatabaseRoleError";
}

/** The configured server cannot hold Tandem (too old, or the embedded server would not start). */
export class DatabaseStartError extends Error {
  override name = "DatabaseStartError";
}
