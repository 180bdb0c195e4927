CREATE TYPE "public"."scheme_status" AS ENUM('draft', 'open', 'closed', 'archived');--> statement-breakpoint
CREATE TYPE "public"."enrolment_role" AS ENUM('mentee', 'mentor', 'peer');--> statement-breakpoint
CREATE TYPE "public"."enrolment_status" AS ENUM('requested', 'waiting', 'active', 'declined', 'withdrawn');--> statement-breakpoint
CREATE TABLE "scheme_rule_versions" (
	"organisation_id" uuid NOT NULL,
	"scheme_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"rules" jsonb NOT NULL,
	"note" text,
	"created_by_person_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scheme_rule_versions_organisation_id_scheme_id_version_pk" PRIMARY KEY("organisation_id","scheme_id","version")
);
--> statement-breakpoint
CREATE TABLE "schemes" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"status" "scheme_status" DEFAULT 'draft' NOT NULL,
	"listed" boolean DEFAULT false NOT NULL,
	"template_id" text,
	"current_version" integer DEFAULT 1 NOT NULL,
	"mentors_with_free_places" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "schemes_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "enrolments" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"scheme_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" "enrolment_role" NOT NULL,
	"status" "enrolment_status" NOT NULL,
	"consent_wording" text NOT NULL,
	"consented_at" timestamp with time zone NOT NULL,
	"application_answers" jsonb,
	"rules_version" integer NOT NULL,
	"eligibility_reason" text,
	"review_message" text,
	"reviewed_by_person_id" uuid,
	"reviewed_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enrolments_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
ALTER TABLE "scheme_rule_versions" ADD CONSTRAINT "scheme_rule_versions_created_by_person_id_people_id_fk" FOREIGN KEY ("created_by_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheme_rule_versions" ADD CONSTRAINT "scheme_rule_versions_organisation_id_scheme_id_schemes_organisation_id_id_fk" FOREIGN KEY ("organisation_id","scheme_id") REFERENCES "public"."schemes"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schemes" ADD CONSTRAINT "schemes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_reviewed_by_person_id_people_id_fk" FOREIGN KEY ("reviewed_by_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_organisation_id_scheme_id_schemes_organisation_id_id_fk" FOREIGN KEY ("organisation_id","scheme_id") REFERENCES "public"."schemes"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "schemes_slug_key" ON "schemes" USING btree ("organisation_id","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "enrolments_live_key" ON "enrolments" USING btree ("organisation_id","scheme_id","person_id","role") WHERE status in ('requested', 'waiting', 'active');--> statement-breakpoint
CREATE INDEX "enrolments_person_idx" ON "enrolments" USING btree ("person_id");