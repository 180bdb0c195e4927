import type { Database, Tx } from "@tandem/db";

/** Either the pool or an open transaction: services that write one row accept both. */
export type Queryable = Database | Tx;
