// The mentee preparation course (SPEC principle 7): a scheme's own wording of a course page (the
// product's default, in core, stands for any page it has not edited), and a mentee's progress, one
// row per page marked done. Row-level security: pages are tenant rows; progress is written only by its
// own person, and read by them and (done or not done only) by their scheme's organisation.
import { sql } from "drizzle-orm";
import { foreignKey, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { enrolments } from "./enrolments";
import { people } from "./people";
import { schemes } from "./schemes";

export const menteeCoursePages = pgTable(
  "mentee_course_pages",
  {
    organisationId: uuid("organisation_id").notNull(),
    schemeId: uuid("scheme_id").notNull(),
    /** One of core's `menteeCoursePageKeys`. */
    key: text("key").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    updatedByPersonId: uuid("updated_by_person_id").references(() => people.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.schemeId, t.key] }),
    foreignKey({ columns: [t.organisationId, t.schemeId], foreignColumns: [schemes.organisationId, schemes.id] }).onDelete("cascade"),
  ],
);

export const menteeCourseProgress = pgTable(
  "mentee_course_progress",
  {
    organisationId: uuid("organisation_id").notNull(),
    enrolmentId: uuid("enrolment_id").notNull(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    doneAt: timestamp("done_at", { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.enrolmentId, t.key] }),
    foreignKey({ columns: [t.organisationId, t.enrolmentId], foreignColumns: [enrolments.organisationId, enrolments.id] }).onDelete("cascade"),
  ],
);
