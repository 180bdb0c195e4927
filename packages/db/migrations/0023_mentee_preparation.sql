CREATE TABLE "mentee_course_pages" (
	"organisation_id" uuid NOT NULL,
	"scheme_id" uuid NOT NULL,
	"key" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"updated_by_person_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentee_course_pages_organisation_id_scheme_id_key_pk" PRIMARY KEY("organisation_id","scheme_id","key")
);
--> statement-breakpoint
CREATE TABLE "mentee_course_progress" (
	"organisation_id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"key" text NOT NULL,
	"done_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentee_course_progress_organisation_id_enrolment_id_key_pk" PRIMARY KEY("organisation_id","enrolment_id","key")
);
--> statement-breakpoint
ALTER TABLE "mentee_course_pages" ADD CONSTRAINT "mentee_course_pages_updated_by_person_id_people_id_fk" FOREIGN KEY ("updated_by_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentee_course_pages" ADD CONSTRAINT "mentee_course_pages_organisation_id_scheme_id_schemes_organisation_id_id_fk" FOREIGN KEY ("organisation_id","scheme_id") REFERENCES "public"."schemes"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentee_course_progress" ADD CONSTRAINT "mentee_course_progress_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentee_course_progress" ADD CONSTRAINT "mentee_course_progress_organisation_id_enrolment_id_enrolments_organisation_id_id_fk" FOREIGN KEY ("organisation_id","enrolment_id") REFERENCES "public"."enrolments"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON mentee_course_pages TO tandem_app;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON mentee_course_progress TO tandem_app;
--> statement-breakpoint
-- A scheme's course pages are tenant rows: its organisation edits them (coordinators, in the API),
-- and a mentee of the scheme reads them inside the scheme's organisation, wherever they work.
SELECT tandem_private.enable_tenant_rls('public.mentee_course_pages');
--> statement-breakpoint
-- Progress is the mentee's own: only their transaction, inside the scheme's organisation, marks a
-- page done or not done, and only on an enrolment of theirs. The organisation reads the rows (the
-- matching hold and the coordinator's done / not done); the rows hold which pages and when, nothing
-- the mentee wrote.
ALTER TABLE mentee_course_progress ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE mentee_course_progress FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_read ON mentee_course_progress FOR SELECT TO PUBLIC
  USING (organisation_id = nullif(current_setting('app.organisation_id', true), '')::uuid);
--> statement-breakpoint
-- The mentee reads their own progress in any organisation (their home lists every course).
CREATE POLICY own_progress_read ON mentee_course_progress FOR SELECT TO PUBLIC
  USING (person_id = nullif(current_setting('app.person_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY own_progress_insert ON mentee_course_progress FOR INSERT TO PUBLIC
  WITH CHECK (
    organisation_id = nullif(current_setting('app.organisation_id', true), '')::uuid
    AND person_id = nullif(current_setting('app.person_id', true), '')::uuid
    AND EXISTS (
      SELECT 1 FROM enrolments e
      WHERE e.organisation_id = mentee_course_progress.organisation_id AND e.id = mentee_course_progress.enrolment_id
        AND e.person_id = mentee_course_progress.person_id
    )
  );
--> statement-breakpoint
CREATE POLICY own_progress_delete ON mentee_course_progress FOR DELETE TO PUBLIC
  USING (
    organisation_id = nullif(current_setting('app.organisation_id', true), '')::uuid
    AND person_id = nullif(current_setting('app.person_id', true), '')::uuid
  );
