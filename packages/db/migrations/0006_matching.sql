CREATE TYPE "public"."relationship_closed_reason" AS ENUM('completed', 'ended_after_trial', 'no_fault_change', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."cohort_group_status" AS ENUM('proposed', 'confirmed', 'discarded');--> statement-breakpoint
CREATE TYPE "public"."match_constraint_kind" AS ENUM('lock', 'exclude');--> statement-breakpoint
CREATE TYPE "public"."match_request_status" AS ENUM('open', 'matched', 'exhausted', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."match_run_mode" AS ENUM('auto', 'allocation', 'next_available', 'cohort');--> statement-breakpoint
CREATE TYPE "public"."match_run_status" AS ENUM('queued', 'running', 'done', 'failed', 'confirmed', 'superseded');--> statement-breakpoint
CREATE TYPE "public"."relationship_origin" AS ENUM('request', 'allocation', 'next_available');--> statement-breakpoint
CREATE TYPE "public"."relationship_status" AS ENUM('requested', 'declined', 'expired', 'cancelled', 'active', 'closed');--> statement-breakpoint
CREATE TABLE "cohort_groups" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"scheme_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"member_enrolment_ids" uuid[] NOT NULL,
	"score" double precision,
	"explanation" text NOT NULL,
	"status" "cohort_group_status" DEFAULT 'proposed' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cohort_groups_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "match_constraints" (
	"organisation_id" uuid NOT NULL,
	"scheme_id" uuid NOT NULL,
	"mentee_enrolment_id" uuid NOT NULL,
	"mentor_enrolment_id" uuid NOT NULL,
	"kind" "match_constraint_kind" NOT NULL,
	"created_by_person_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "match_constraints_organisation_id_scheme_id_mentee_enrolment_id_mentor_enrolment_id_pk" PRIMARY KEY("organisation_id","scheme_id","mentee_enrolment_id","mentor_enrolment_id")
);
--> statement-breakpoint
CREATE TABLE "match_proposals" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"mentee_enrolment_id" uuid NOT NULL,
	"mentor_enrolment_id" uuid NOT NULL,
	"proposed" boolean DEFAULT false NOT NULL,
	"rank" integer NOT NULL,
	"score" double precision NOT NULL,
	"explanation" text NOT NULL,
	"terms" jsonb NOT NULL,
	"locked" boolean DEFAULT false NOT NULL,
	"forcing_matched_lost" integer,
	"forcing_score_lost" double precision,
	CONSTRAINT "match_proposals_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "match_requests" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"scheme_id" uuid NOT NULL,
	"mentee_enrolment_id" uuid NOT NULL,
	"choices" uuid[] NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"message" text,
	"status" "match_request_status" DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "match_requests_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "match_runs" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"scheme_id" uuid NOT NULL,
	"mode" "match_run_mode" NOT NULL,
	"options" jsonb NOT NULL,
	"status" "match_run_status" DEFAULT 'queued' NOT NULL,
	"phase" text,
	"inputs" jsonb,
	"summary" jsonb,
	"error" text,
	"started_by_person_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	CONSTRAINT "match_runs_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "no_fault_change_reasons" (
	"organisation_id" uuid NOT NULL,
	"relationship_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "no_fault_change_reasons_organisation_id_relationship_id_pk" PRIMARY KEY("organisation_id","relationship_id")
);
--> statement-breakpoint
CREATE TABLE "relationships" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"scheme_id" uuid NOT NULL,
	"mentee_enrolment_id" uuid NOT NULL,
	"mentor_enrolment_id" uuid NOT NULL,
	"mentee_person_id" uuid NOT NULL,
	"mentor_person_id" uuid NOT NULL,
	"status" "relationship_status" NOT NULL,
	"closed_reason" "relationship_closed_reason",
	"origin" "relationship_origin" NOT NULL,
	"run_id" uuid,
	"request_id" uuid,
	"score" double precision,
	"explanation" text,
	"requested_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"responded_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "relationships_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
ALTER TABLE "enrolments" ADD COLUMN "topics" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "enrolments" ADD COLUMN "availability" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "enrolments" ADD COLUMN "remote_ok" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "enrolments" ADD COLUMN "bio" text;--> statement-breakpoint
ALTER TABLE "enrolments" ADD COLUMN "capacity" integer;--> statement-breakpoint
ALTER TABLE "cohort_groups" ADD CONSTRAINT "cohort_groups_organisation_id_run_id_match_runs_organisation_id_id_fk" FOREIGN KEY ("organisation_id","run_id") REFERENCES "public"."match_runs"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_constraints" ADD CONSTRAINT "match_constraints_created_by_person_id_people_id_fk" FOREIGN KEY ("created_by_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_constraints" ADD CONSTRAINT "match_constraints_organisation_id_scheme_id_schemes_organisation_id_id_fk" FOREIGN KEY ("organisation_id","scheme_id") REFERENCES "public"."schemes"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_proposals" ADD CONSTRAINT "match_proposals_organisation_id_run_id_match_runs_organisation_id_id_fk" FOREIGN KEY ("organisation_id","run_id") REFERENCES "public"."match_runs"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_requests" ADD CONSTRAINT "match_requests_organisation_id_scheme_id_schemes_organisation_id_id_fk" FOREIGN KEY ("organisation_id","scheme_id") REFERENCES "public"."schemes"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_runs" ADD CONSTRAINT "match_runs_started_by_person_id_people_id_fk" FOREIGN KEY ("started_by_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_runs" ADD CONSTRAINT "match_runs_organisation_id_scheme_id_schemes_organisation_id_id_fk" FOREIGN KEY ("organisation_id","scheme_id") REFERENCES "public"."schemes"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "no_fault_change_reasons" ADD CONSTRAINT "no_fault_change_reasons_organisation_id_relationship_id_relationships_organisation_id_id_fk" FOREIGN KEY ("organisation_id","relationship_id") REFERENCES "public"."relationships"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationships" ADD CONSTRAINT "relationships_mentee_person_id_people_id_fk" FOREIGN KEY ("mentee_person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationships" ADD CONSTRAINT "relationships_mentor_person_id_people_id_fk" FOREIGN KEY ("mentor_person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationships" ADD CONSTRAINT "relationships_organisation_id_scheme_id_schemes_organisation_id_id_fk" FOREIGN KEY ("organisation_id","scheme_id") REFERENCES "public"."schemes"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "match_proposals_pair_key" ON "match_proposals" USING btree ("organisation_id","run_id","mentee_enrolment_id","mentor_enrolment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "match_requests_open_key" ON "match_requests" USING btree ("organisation_id","mentee_enrolment_id") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "match_runs_scheme_idx" ON "match_runs" USING btree ("organisation_id","scheme_id","created_at");--> statement-breakpoint
CREATE INDEX "relationships_scheme_idx" ON "relationships" USING btree ("organisation_id","scheme_id","status");--> statement-breakpoint
CREATE INDEX "relationships_mentee_idx" ON "relationships" USING btree ("mentee_person_id");--> statement-breakpoint
CREATE INDEX "relationships_mentor_idx" ON "relationships" USING btree ("mentor_person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "relationships_live_pair_key" ON "relationships" USING btree ("organisation_id","mentee_enrolment_id","mentor_enrolment_id") WHERE status in ('requested', 'active');