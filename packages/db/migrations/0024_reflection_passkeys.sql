CREATE TABLE "reflection_passkeys" (
	"person_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"credential_id" text NOT NULL,
	"prf_salt" text NOT NULL,
	"wrapped_key" text NOT NULL,
	"iv" text NOT NULL,
	"key_version" integer NOT NULL,
	"label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reflection_passkeys_person_id_id_pk" PRIMARY KEY("person_id","id"),
	CONSTRAINT "reflection_passkeys_credential_key" UNIQUE("person_id","credential_id")
);
--> statement-breakpoint
ALTER TABLE "reflection_passkeys" ADD CONSTRAINT "reflection_passkeys_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON reflection_passkeys TO tandem_app;
--> statement-breakpoint
-- Like the passphrase's copy of the key (0019): the person's own rows, in whatever organisation they act.
ALTER TABLE reflection_passkeys ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE reflection_passkeys FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY own_reflection_passkeys ON reflection_passkeys FOR ALL TO PUBLIC
  USING (person_id = nullif(current_setting('app.person_id', true), '')::uuid)
  WITH CHECK (person_id = nullif(current_setting('app.person_id', true), '')::uuid);
