CREATE TYPE "public"."relationship_kind" AS ENUM('pair', 'co_mentoring', 'group');--> statement-breakpoint
CREATE TYPE "public"."meeting_kind" AS ENUM('contract', 'regular', 'review');--> statement-breakpoint
CREATE TYPE "public"."meeting_mode" AS ENUM('in_person', 'phone', 'video');--> statement-breakpoint
CREATE TYPE "public"."meeting_status" AS ENUM('proposed', 'scheduled', 'held', 'missed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."relationship_member_role" AS ENUM('mentee', 'mentor', 'peer', 'member', 'facilitator');--> statement-breakpoint
ALTER TYPE "public"."relationship_origin" ADD VALUE 'cohort';--> statement-breakpoint
ALTER TYPE "public"."relationship_status" ADD VALUE 'paused' BEFORE 'closed';--> statement-breakpoint
CREATE TABLE "agreed_actions" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"relationship_id" uuid NOT NULL,
	"meeting_id" uuid,
	"text" text NOT NULL,
	"owner_person_id" uuid,
	"due_on" date,
	"done_at" timestamp with time zone,
	"created_by_person_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreed_actions_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "meeting_attendance" (
	"organisation_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"attended" boolean NOT NULL,
	"recorded_by_person_id" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_attendance_organisation_id_meeting_id_person_id_pk" PRIMARY KEY("organisation_id","meeting_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_notes" (
	"organisation_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"relationship_id" uuid NOT NULL,
	"text" text NOT NULL,
	"updated_by_person_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_notes_organisation_id_meeting_id_pk" PRIMARY KEY("organisation_id","meeting_id")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"relationship_id" uuid NOT NULL,
	"kind" "meeting_kind" NOT NULL,
	"status" "meeting_status" NOT NULL,
	"proposed_times" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"proposed_by_person_id" uuid,
	"starts_at" timestamp with time zone,
	"minutes" integer NOT NULL,
	"mode" "meeting_mode" NOT NULL,
	"place" text,
	"link" text,
	"final" boolean DEFAULT false NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"speaker_person_ids" uuid[] DEFAULT '{}' NOT NULL,
	"held_minutes" integer,
	"recorded_by_person_id" uuid,
	"recorded_at" timestamp with time zone,
	"cancelled_by_person_id" uuid,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "relationship_members" (
	"organisation_id" uuid NOT NULL,
	"relationship_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"role" "relationship_member_role" NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	"left_at" timestamp with time zone,
	CONSTRAINT "relationship_members_organisation_id_relationship_id_person_id_pk" PRIMARY KEY("organisation_id","relationship_id","person_id")
);
--> statement-breakpoint
DROP INDEX "relationships_live_pair_key";--> statement-breakpoint
ALTER TABLE "relationships" ALTER COLUMN "mentee_enrolment_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "relationships" ALTER COLUMN "mentor_enrolment_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "relationships" ALTER COLUMN "mentee_person_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "relationships" ALTER COLUMN "mentor_person_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "enrolments" ADD COLUMN "unavailable" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "relationships" ADD COLUMN "kind" "relationship_kind" DEFAULT 'pair' NOT NULL;--> statement-breakpoint
ALTER TABLE "relationships" ADD COLUMN "rules_version" integer;--> statement-breakpoint
-- Relationships made before versions were pinned keep the version their scheme had then (the current one).
UPDATE "relationships" r SET "rules_version" = s."current_version" FROM "schemes" s
  WHERE s."organisation_id" = r."organisation_id" AND s."id" = r."scheme_id";--> statement-breakpoint
ALTER TABLE "relationships" ALTER COLUMN "rules_version" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "relationships" ADD COLUMN "cohort_group_id" uuid;--> statement-breakpoint
ALTER TABLE "relationships" ADD COLUMN "paused_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "relationships" ADD COLUMN "resume_on" date;--> statement-breakpoint
ALTER TABLE "agreed_actions" ADD CONSTRAINT "agreed_actions_owner_person_id_people_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreed_actions" ADD CONSTRAINT "agreed_actions_created_by_person_id_people_id_fk" FOREIGN KEY ("created_by_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreed_actions" ADD CONSTRAINT "agreed_actions_organisation_id_relationship_id_relationships_organisation_id_id_fk" FOREIGN KEY ("organisation_id","relationship_id") REFERENCES "public"."relationships"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_recorded_by_person_id_people_id_fk" FOREIGN KEY ("recorded_by_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_organisation_id_meeting_id_meetings_organisation_id_id_fk" FOREIGN KEY ("organisation_id","meeting_id") REFERENCES "public"."meetings"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_notes" ADD CONSTRAINT "meeting_notes_updated_by_person_id_people_id_fk" FOREIGN KEY ("updated_by_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_notes" ADD CONSTRAINT "meeting_notes_organisation_id_meeting_id_meetings_organisation_id_id_fk" FOREIGN KEY ("organisation_id","meeting_id") REFERENCES "public"."meetings"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_notes" ADD CONSTRAINT "meeting_notes_organisation_id_relationship_id_relationships_organisation_id_id_fk" FOREIGN KEY ("organisation_id","relationship_id") REFERENCES "public"."relationships"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_proposed_by_person_id_people_id_fk" FOREIGN KEY ("proposed_by_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_recorded_by_person_id_people_id_fk" FOREIGN KEY ("recorded_by_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_cancelled_by_person_id_people_id_fk" FOREIGN KEY ("cancelled_by_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_organisation_id_relationship_id_relationships_organisation_id_id_fk" FOREIGN KEY ("organisation_id","relationship_id") REFERENCES "public"."relationships"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_members" ADD CONSTRAINT "relationship_members_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_members" ADD CONSTRAINT "relationship_members_organisation_id_relationship_id_relationships_organisation_id_id_fk" FOREIGN KEY ("organisation_id","relationship_id") REFERENCES "public"."relationships"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreed_actions_relationship_idx" ON "agreed_actions" USING btree ("organisation_id","relationship_id");--> statement-breakpoint
CREATE INDEX "meetings_relationship_idx" ON "meetings" USING btree ("organisation_id","relationship_id","starts_at");--> statement-breakpoint
CREATE INDEX "relationship_members_person_idx" ON "relationship_members" USING btree ("person_id");--> statement-breakpoint
-- Written without 'paused', which cannot be used in the transaction that adds it to the enum.
CREATE UNIQUE INDEX "relationships_live_pair_key" ON "relationships" USING btree ("organisation_id","mentee_enrolment_id","mentor_enrolment_id") WHERE status not in ('declined', 'expired', 'cancelled', 'closed');--> statement-breakpoint
ALTER TABLE "relationships" ADD CONSTRAINT "relationships_pair_people" CHECK (("relationships"."kind" = 'pair') = ("relationships"."mentee_person_id" is not null and "relationships"."mentor_person_id" is not null and "relationships"."mentee_enrolment_id" is not null and "relationships"."mentor_enrolment_id" is not null));--> statement-breakpoint
-- Active pairs made before members were recorded get their two members.
INSERT INTO "relationship_members" ("organisation_id", "relationship_id", "person_id", "enrolment_id", "role", "joined_at")
  SELECT "organisation_id", "id", "mentee_person_id", "mentee_enrolment_id", 'mentee'::relationship_member_role, coalesce("started_at", "created_at") FROM "relationships" WHERE "status" = 'active'
  UNION ALL
  SELECT "organisation_id", "id", "mentor_person_id", "mentor_enrolment_id", 'mentor'::relationship_member_role, coalesce("started_at", "created_at") FROM "relationships" WHERE "status" = 'active';
