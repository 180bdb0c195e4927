// Private reflections (SPEC section 6, decision 017): what a person writes for themselves about a
// relationship or one of its meetings. The text is encrypted in the person's browser; the server keeps
// only ciphertext, its IV and the version of the key it was made under. Nothing else about a
// reflection is stored in clear: no title, no length but the ciphertext's own.
import { sql } from "drizzle-orm";
import { foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { relationships } from "./matching";
import { people } from "./people";

/**
 * A person's reflection key, wrapped twice: by a key derived from their passphrase (PBKDF2-SHA-256)
 * and by a key derived from a one-time recovery code. One key per person, across organisations
 * (row-level security: their own row only). Unwrapped, the key exists only in the person's browsers.
 */
export const reflectionKeys = pgTable("reflection_keys", {
  personId: uuid("person_id")
    .primaryKey()
    .references(() => people.id, { onDelete: "cascade" }),
  /** The version of the data key (raised only if the key itself is ever replaced; a new passphrase keeps it). */
  keyVersion: integer("key_version").notNull().default(1),
  passphraseWrappedKey: text("passphrase_wrapped_key").notNull(),
  passphraseIv: text("passphrase_iv").notNull(),
  passphraseSalt: text("passphrase_salt").notNull(),
  passphraseIterations: integer("passphrase_iterations").notNull(),
  recoveryWrappedKey: text("recovery_wrapped_key").notNull(),
  recoveryIv: text("recovery_iv").notNull(),
  recoverySalt: text("recovery_salt").notNull(),
  recoveryIterations: integer("recovery_iterations").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A passkey that unlocks the person's reflection key (the WebAuthn PRF extension): the key wrapped by
 * a key derived in the browser from the passkey's PRF output for `prfSalt`. The server never sees
 * that output, so it can no more unwrap this than the passphrase's copy. Their own rows only.
 */
export const reflectionPasskeys = pgTable(
  "reflection_passkeys",
  {
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().default(sql`gen_random_uuid()`),
    /** The WebAuthn credential's id, base64url (which passkey to ask for). */
    credentialId: text("credential_id").notNull(),
    /** The 32-byte PRF input, base64. */
    prfSalt: text("prf_salt").notNull(),
    wrappedKey: text("wrapped_key").notNull(),
    iv: text("iv").notNull(),
    keyVersion: integer("key_version").notNull(),
    /** The person's own name for it ("My phone"). */
    label: text("label").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.id] }), unique("reflection_passkeys_credential_key").on(t.personId, t.credentialId)],
);

/**
 * One reflection: readable and writable only by its author, inside the relationship's organisation
 * (row-level security); written only while the author is a current member of the relationship.
 */
export const reflections = pgTable(
  "reflections",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull().default(sql`gen_random_uuid()`),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    relationshipId: uuid("relationship_id").notNull(),
    /** The meeting it is about, if any (checked to be in the relationship when written). */
    meetingId: uuid("meeting_id"),
    /** AES-GCM ciphertext with its tag, base64. */
    ciphertext: text("ciphertext").notNull(),
    /** The 12-byte IV, fresh for each encryption, base64. */
    iv: text("iv").notNull(),
    keyVersion: integer("key_version").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({ columns: [t.organisationId, t.relationshipId], foreignColumns: [relationships.organisationId, relationships.id] }).onDelete("cascade"),
    index("reflections_author_idx").on(t.organisationId, t.personId, t.relationshipId),
  ],
);

export type Reflection = typeof reflections.$inferSelect;
export type ReflectionKey = typeof reflectionKeys.$inferSelect;
export type ReflectionPasskey = typeof reflectionPasskeys.$inferSelect;
