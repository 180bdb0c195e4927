CREATE TYPE "public"."approval_decision" AS ENUM('approved', 'declined');--> statement-breakpoint
CREATE TYPE "public"."attendance_status" AS ENUM('signed_up', 'attended', 'absent');--> statement-breakpoint
CREATE TYPE "public"."module_kind" AS ENUM('course_module', 'masterclass', 'programme', 'taster', 'cpd');--> statement-breakpoint
CREATE TYPE "public"."training_record_source" AS ENUM('coordinator', 'mentor_request', 'csv_import');--> statement-breakpoint
CREATE TYPE "public"."support_event_kind" AS ENUM('support_group', 'development_event', 'conference', 'supervision');--> statement-breakpoint
CREATE TABLE "evidence_files" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_files_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "mentor_approvals" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"scheme_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"decision" "approval_decision" NOT NULL,
	"note" text,
	"decided_by_person_id" uuid,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentor_approvals_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "peer_appraisals" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"mentor_person_id" uuid NOT NULL,
	"convenor_person_id" uuid,
	"appraised_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "peer_appraisals_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "support_attendance" (
	"organisation_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"status" "attendance_status" NOT NULL,
	"recorded_by_person_id" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_attendance_organisation_id_event_id_person_id_pk" PRIMARY KEY("organisation_id","event_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "support_events" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"scheme_id" uuid,
	"kind" "support_event_kind" NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"location" text,
	"convenor_person_id" uuid,
	"places" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_events_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "training_modules" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"scheme_id" uuid,
	"name" text NOT NULL,
	"kind" "module_kind" NOT NULL,
	"hours" numeric(6, 2) NOT NULL,
	"validity_months" integer,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_modules_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "training_records" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"module_id" uuid NOT NULL,
	"completed_on" date NOT NULL,
	"evidence_note" text,
	"evidence_file_id" uuid,
	"source" "training_record_source" NOT NULL,
	"provider" text,
	"verified_by_person_id" uuid,
	"verified_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_records_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"dedupe_key" text,
	"run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"done_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_approvals" ADD CONSTRAINT "mentor_approvals_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_approvals" ADD CONSTRAINT "mentor_approvals_decided_by_person_id_people_id_fk" FOREIGN KEY ("decided_by_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_appraisals" ADD CONSTRAINT "peer_appraisals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_appraisals" ADD CONSTRAINT "peer_appraisals_mentor_person_id_people_id_fk" FOREIGN KEY ("mentor_person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_appraisals" ADD CONSTRAINT "peer_appraisals_convenor_person_id_people_id_fk" FOREIGN KEY ("convenor_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_attendance" ADD CONSTRAINT "support_attendance_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_attendance" ADD CONSTRAINT "support_attendance_recorded_by_person_id_people_id_fk" FOREIGN KEY ("recorded_by_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_attendance" ADD CONSTRAINT "support_attendance_organisation_id_event_id_support_events_organisation_id_id_fk" FOREIGN KEY ("organisation_id","event_id") REFERENCES "public"."support_events"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_events" ADD CONSTRAINT "support_events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_events" ADD CONSTRAINT "support_events_convenor_person_id_people_id_fk" FOREIGN KEY ("convenor_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_modules" ADD CONSTRAINT "training_modules_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_records" ADD CONSTRAINT "training_records_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_records" ADD CONSTRAINT "training_records_verified_by_person_id_people_id_fk" FOREIGN KEY ("verified_by_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_records" ADD CONSTRAINT "training_records_organisation_id_module_id_training_modules_organisation_id_id_fk" FOREIGN KEY ("organisation_id","module_id") REFERENCES "public"."training_modules"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mentor_approvals_person_idx" ON "mentor_approvals" USING btree ("organisation_id","scheme_id","person_id");--> statement-breakpoint
CREATE INDEX "peer_appraisals_mentor_idx" ON "peer_appraisals" USING btree ("organisation_id","mentor_person_id");--> statement-breakpoint
CREATE INDEX "support_events_date_idx" ON "support_events" USING btree ("organisation_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "training_modules_code_key" ON "training_modules" USING btree ("organisation_id","code");--> statement-breakpoint
CREATE INDEX "training_records_person_idx" ON "training_records" USING btree ("organisation_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_dedupe_key" ON "jobs" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "jobs_due_idx" ON "jobs" USING btree ("run_at") WHERE done_at is null and failed_at is null;