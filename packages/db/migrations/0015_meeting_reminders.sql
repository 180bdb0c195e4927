CREATE TABLE "meeting_reminders" (
	"organisation_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"sequence" integer NOT NULL,
	"person_id" uuid NOT NULL,
	"slot" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_reminders_organisation_id_meeting_id_sequence_person_id_slot_pk" PRIMARY KEY("organisation_id","meeting_id","sequence","person_id","slot")
);
--> statement-breakpoint
CREATE TABLE "reminder_preferences" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"channel" text DEFAULT 'email' NOT NULL,
	"morning" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminder_preferences_channel" CHECK ("reminder_preferences"."channel" in ('email', 'none'))
);
--> statement-breakpoint
ALTER TABLE "meeting_reminders" ADD CONSTRAINT "meeting_reminders_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_reminders" ADD CONSTRAINT "meeting_reminders_organisation_id_meeting_id_meetings_organisation_id_id_fk" FOREIGN KEY ("organisation_id","meeting_id") REFERENCES "public"."meetings"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_preferences" ADD CONSTRAINT "reminder_preferences_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON reminder_preferences, meeting_reminders TO tandem_app;
--> statement-breakpoint
SELECT tandem_private.enable_tenant_rls('public.meeting_reminders');
--> statement-breakpoint
-- A person's reminder choice is theirs alone, in whatever organisation they act.
ALTER TABLE reminder_preferences ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE reminder_preferences FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY own_reminder_preferences ON reminder_preferences FOR ALL TO PUBLIC
  USING (person_id = nullif(current_setting('app.person_id', true), '')::uuid)
  WITH CHECK (person_id = nullif(current_setting('app.person_id', true), '')::uuid);
--> statement-breakpoint
SELECT pgboss.create_queue('meeting.remind.dead', '{"policy": "standard"}');
--> statement-breakpoint
SELECT pgboss.create_queue('meeting.remind', '{"policy": "standard", "deadLetter": "meeting.remind.dead"}');
