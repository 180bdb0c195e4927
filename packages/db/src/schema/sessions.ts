// Sessions (Lucia's guide): the cookie holds "<id>.<secret>"; the table holds the id and the
// SHA-256 of the secret, compared in constant time, so a leaked table cannot be replayed.
import { sql } from "drizzle-orm";
import { bigserial, boolean, check, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
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

/** Sign-in attempts and password reset requests, for rate limiting per account and per address
 * across all server processes (decision 006). */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    kind: text("kind", { enum: ["sign_in", "password_reset"] }).notNull().default("sign_in"),
    /** Lower-cased email as typed (the account may not exist). */
    accountKey: text("account_key").notNull(),
    address: text("address").notNull(),
    succeeded: boolean("succeeded").notNull(),
    attemptedAt: timestamp("attempted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("sign_in_attempts_account_idx").on(t.kind, t.accountKey, t.attemptedAt),
    index("sign_in_attempts_address_idx").on(t.kind, t.address, t.attemptedAt),
    check("sign_in_attempts_kind", sql`${t.kind} in ('sign_in', 'password_reset')`),
  ],
);

/**
 * Emailed links to set a new password. Only the SHA-256 of the link's token is stored; a link works
 * once, for 30 minutes, and a newer request ends the earlier ones. Row-level security: the person's
 * own rows (`app.person_id`), or the one row whose hash the transaction names.
 */
export const passwordResets = pgTable(
  "password_resets",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    /** Hex SHA-256 of the token in the emailed link. */
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** When the link set a new password. */
    usedAt: timestamp("used_at", { withTimezone: true }),
    /** When a newer link, or using another link, ended this one. */
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("password_resets_person_id").on(t.personId)],
);
