// Invitations: an org admin invites by email; the emailed link carries a token whose hash is stored.
import { sql } from "drizzle-orm";
import { pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { membershipRole } from "./enums";
import { organisations } from "./organisations";
import { people } from "./people";

export const invitations = pgTable(
  "invitations",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().default(sql`gen_random_uuid()`),
    email: text("email").notNull(),
    name: text("name").notNull(),
    roles: membershipRole("roles").array().notNull(),
    /** Hex SHA-256 of the token in the link. */
    tokenHash: text("token_hash").notNull(),
    invitedByPersonId: uuid("invited_by_person_id").references(() => people.id, {
      onDelete: "set null",
    }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    uniqueIndex("invitations_token_key").on(t.organisationId, t.tokenHash),
  ],
);
