// Schemes and their immutable rule versions. A scheme points at its current version; relationships
// and enrolments keep the version they started under.
import type { SchemeRules } from "@tandem/core";
import { sql } from "drizzle-orm";
import {
  boolean,
  foreignKey,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { organisations } from "./organisations";
import { people } from "./people";

export const schemeStatuses = ["draft", "open", "closed", "archived"] as const;
export const schemeStatus = pgEnum("scheme_status", schemeStatuses);

export const schemes = pgTable(
  "schemes",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().default(sql`gen_random_uuid()`),
    name: text("name").notNull(),
    /** Unique within the organisation; used in directory links. */
    slug: text("slug").notNull(),
    status: schemeStatus("status").notNull().default("draft"),
    /** Shown in the public directory while open. */
    listed: boolean("listed").notNull().default(false),
    /** The template the scheme was created from, if any. */
    templateId: text("template_id"),
    currentVersion: integer("current_version").notNull().default(1),
    /**
     * Mentors with a free place right now, kept up to date in the same transaction as whatever
     * changes it, so the public directory can show it without reading enrolments.
     */
    mentorsWithFreePlaces: integer("mentors_with_free_places").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    uniqueIndex("schemes_slug_key").on(t.organisationId, t.slug),
  ],
);

export const schemeRuleVersions = pgTable(
  "scheme_rule_versions",
  {
    organisationId: uuid("organisation_id").notNull(),
    schemeId: uuid("scheme_id").notNull(),
    version: integer("version").notNull(),
    rules: jsonb("rules").$type<SchemeRules>().notNull(),
    /** Why it changed, in the coordinator's words (optional). */
    note: text("note"),
    createdByPersonId: uuid("created_by_person_id").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.schemeId, t.version] }),
    foreignKey({
      columns: [t.organisationId, t.schemeId],
      foreignColumns: [schemes.organisationId, schemes.id],
    }).onDelete("cascade"),
  ],
);
