CREATE TABLE "idempotency_keys" (
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"key" uuid NOT NULL,
	"procedure" text NOT NULL,
	"payload_hash" text NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_organisation_id_person_id_key_pk" PRIMARY KEY("organisation_id","person_id","key")
);
--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_keys TO tandem_app;
--> statement-breakpoint
ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE idempotency_keys FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- A stored response is its person's alone, inside its organisation: not the organisation's staff
-- (a coordinator's transaction names the organisation and another person), not the person elsewhere.
CREATE POLICY own_idempotency_keys ON idempotency_keys FOR ALL TO PUBLIC
  USING (
    organisation_id = nullif(current_setting('app.organisation_id', true), '')::uuid
    AND person_id = nullif(current_setting('app.person_id', true), '')::uuid
  )
  WITH CHECK (
    organisation_id = nullif(current_setting('app.organisation_id', true), '')::uuid
    AND person_id = nullif(current_setting('app.person_id', true), '')::uuid
  );
