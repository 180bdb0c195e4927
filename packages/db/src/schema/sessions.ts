// Sessions (Lucia's guide): the cookie holds "<id>.<secret>"; the table holds the id and the
// SHA-256 of the secret, compared in constant time, so a leaked table cannot be replayed.
import { bigserial, boolean, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { bytea } from "./column-types";
import { organisations } from "./organisations";
import { people } from "./people";


export const sessions = pgTable(
  "sessions",
  {
    /** Random public id (the part of the token before the dot). */
    id: text("id").primaryKey(),
    /** SHA-256 of the secret part of the token. */
    secretHash: bytea("secret_hash").notNull(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    activeOrganisationId: uuid("active_organisation_id").references(() => organisations.id, {
      onDelete: "set null",
    }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Sliding expiry: pushed forward while the session is used. */
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** Absolute lifetime: never extended. */
    absoluteExpiresAt: timestamp("absolute_expires_at", { withTimezone: true }).notNull(),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_person_idx").on(t.personId)],
);

/** Sign-in attempts, for rate limiting per account and per address across all server processes. */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** Lower-cased email as typed (the account may not exist). */
    accountKey: text("account_key").notNull(),
    address: text("address").notNull(),
    succeeded: boolean("succeeded").notNull(),
    attemptedAt: timestamp("attempted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("sign_in_attempts_account_idx").on(t.accountKey, t.attemptedAt),
    index("sign_in_attempts_address_idx").on(t.address, t.attemptedAt),
  ],
);
