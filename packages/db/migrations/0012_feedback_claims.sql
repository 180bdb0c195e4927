CREATE TYPE "public"."claim_status" AS ENUM('submitted', 'queried', 'approved', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."feedback_point" AS ENUM('midpoint', 'end');--> statement-breakpoint
CREATE TYPE "public"."outcome_point" AS ENUM('baseline', 'end', 'follow_up');--> statement-breakpoint
CREATE TABLE "claim_exports" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"scheme_id" uuid NOT NULL,
	"created_by_person_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claim_count" integer NOT NULL,
	CONSTRAINT "claim_exports_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "claims" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"scheme_id" uuid NOT NULL,
	"relationship_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"mentor_person_id" uuid NOT NULL,
	"rules_version" integer NOT NULL,
	"fee_pence" integer NOT NULL,
	"expenses_pence" integer DEFAULT 0 NOT NULL,
	"expenses_note" text,
	"receipt_file_id" uuid,
	"status" "claim_status" DEFAULT 'submitted' NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by_person_id" uuid,
	"decided_at" timestamp with time zone,
	"decision_message" text,
	"query_answer" text,
	"query_answered_at" timestamp with time zone,
	"export_id" uuid,
	"exported_at" timestamp with time zone,
	CONSTRAINT "claims_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "feedback_requests" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"relationship_id" uuid NOT NULL,
	"scheme_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text NOT NULL,
	"point" "feedback_point" NOT NULL,
	"rules_version" integer NOT NULL,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_requests_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "feedback_responses" (
	"organisation_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"scheme_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"role" text NOT NULL,
	"about_person_id" uuid,
	"rules_version" integer NOT NULL,
	"answers" jsonb NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_responses_organisation_id_request_id_pk" PRIMARY KEY("organisation_id","request_id")
);
--> statement-breakpoint
CREATE TABLE "feedback_rounds" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"scheme_id" uuid NOT NULL,
	"name" text NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "feedback_rounds_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "outcome_responses" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"scheme_id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"point" "outcome_point" NOT NULL,
	"rules_version" integer NOT NULL,
	"answers" jsonb NOT NULL,
	"scores" jsonb NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outcome_responses_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
ALTER TABLE "claim_exports" ADD CONSTRAINT "claim_exports_created_by_person_id_people_id_fk" FOREIGN KEY ("created_by_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_exports" ADD CONSTRAINT "claim_exports_organisation_id_scheme_id_schemes_organisation_id_id_fk" FOREIGN KEY ("organisation_id","scheme_id") REFERENCES "public"."schemes"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_mentor_person_id_people_id_fk" FOREIGN KEY ("mentor_person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_decided_by_person_id_people_id_fk" FOREIGN KEY ("decided_by_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_organisation_id_meeting_id_meetings_organisation_id_id_fk" FOREIGN KEY ("organisation_id","meeting_id") REFERENCES "public"."meetings"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_organisation_id_relationship_id_relationships_organisation_id_id_fk" FOREIGN KEY ("organisation_id","relationship_id") REFERENCES "public"."relationships"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_requests" ADD CONSTRAINT "feedback_requests_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_requests" ADD CONSTRAINT "feedback_requests_organisation_id_relationship_id_relationships_organisation_id_id_fk" FOREIGN KEY ("organisation_id","relationship_id") REFERENCES "public"."relationships"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_requests" ADD CONSTRAINT "feedback_requests_organisation_id_round_id_feedback_rounds_organisation_id_id_fk" FOREIGN KEY ("organisation_id","round_id") REFERENCES "public"."feedback_rounds"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_responses" ADD CONSTRAINT "feedback_responses_about_person_id_people_id_fk" FOREIGN KEY ("about_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_responses" ADD CONSTRAINT "feedback_responses_organisation_id_request_id_feedback_requests_organisation_id_id_fk" FOREIGN KEY ("organisation_id","request_id") REFERENCES "public"."feedback_requests"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_rounds" ADD CONSTRAINT "feedback_rounds_organisation_id_scheme_id_schemes_organisation_id_id_fk" FOREIGN KEY ("organisation_id","scheme_id") REFERENCES "public"."schemes"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_responses" ADD CONSTRAINT "outcome_responses_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_responses" ADD CONSTRAINT "outcome_responses_organisation_id_scheme_id_schemes_organisation_id_id_fk" FOREIGN KEY ("organisation_id","scheme_id") REFERENCES "public"."schemes"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "claims_meeting_key" ON "claims" USING btree ("organisation_id","meeting_id");--> statement-breakpoint
CREATE INDEX "claims_scheme_idx" ON "claims" USING btree ("organisation_id","scheme_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_requests_once_key" ON "feedback_requests" USING btree ("organisation_id","relationship_id","person_id","point");--> statement-breakpoint
CREATE INDEX "feedback_requests_person_idx" ON "feedback_requests" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "feedback_responses_round_idx" ON "feedback_responses" USING btree ("organisation_id","scheme_id","round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_rounds_open_key" ON "feedback_rounds" USING btree ("organisation_id","scheme_id") WHERE closed_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "outcome_responses_once_key" ON "outcome_responses" USING btree ("organisation_id","enrolment_id","point");