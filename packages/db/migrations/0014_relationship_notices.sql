CREATE TABLE "relationship_notices" (
	"organisation_id" uuid NOT NULL,
	"relationship_id" uuid NOT NULL,
	"code" text NOT NULL,
	"key" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "relationship_notices_organisation_id_relationship_id_code_key_pk" PRIMARY KEY("organisation_id","relationship_id","code","key")
);
--> statement-breakpoint
ALTER TABLE "relationship_notices" ADD CONSTRAINT "relationship_notices_organisation_id_relationship_id_relationships_organisation_id_id_fk" FOREIGN KEY ("organisation_id","relationship_id") REFERENCES "public"."relationships"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- A tenant table: the settle job writes it inside each organisation; nobody reads it but the job.
GRANT SELECT, INSERT, UPDATE, DELETE ON relationship_notices TO tandem_app;
--> statement-breakpoint
SELECT tandem_private.enable_tenant_rls('public.relationship_notices');
