// Memberships: a person inside an organisation, with roles and the attributes rules and matching use.
import { sql } from "drizzle-orm";
import {
  date,
  doublePrecision,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { membershipRole, membershipStatus, staffGroup } from "./enums";
import { organisations } from "./organisations";
import { people } from "./people";

export const memberships = pgTable(
  "memberships",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    roles: membershipRole("roles").array().notNull().default(sql`'{}'`),
    status: membershipStatus("status").notNull().default("active"),
    staffGroup: staffGroup("staff_group").notNull().default("other"),
    specialty: text("specialty"),
    department: text("department"),
    /** Postcode district, e.g. "LS1". */
    siteDistrict: text("site_district"),
    siteLatitude: doublePrecision("site_latitude"),
    siteLongitude: doublePrecision("site_longitude"),
    startedInRoleOn: date("started_in_role_on", { mode: "string" }),
    lineManagerPersonId: uuid("line_manager_person_id").references(() => people.id, {
      onDelete: "set null",
    }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.personId] }),
    index("memberships_person_idx").on(t.personId),
  ],
);
