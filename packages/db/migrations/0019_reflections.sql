CREATE TABLE "reflection_keys" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"key_version" integer DEFAULT 1 NOT NULL,
	"passphrase_wrapped_key" text NOT NULL,
	"passphrase_iv" text NOT NULL,
	"passphrase_salt" text NOT NULL,
	"passphrase_iterations" integer NOT NULL,
	"recovery_wrapped_key" text NOT NULL,
	"recovery_iv" text NOT NULL,
	"recovery_salt" text NOT NULL,
	"recovery_iterations" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reflections" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"relationship_id" uuid NOT NULL,
	"meeting_id" uuid,
	"ciphertext" text NOT NULL,
	"iv" text NOT NULL,
	"key_version" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reflections_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
ALTER TABLE "reflection_keys" ADD CONSTRAINT "reflection_keys_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflections" ADD CONSTRAINT "reflections_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflections" ADD CONSTRAINT "reflections_organisation_id_relationship_id_relationships_organisation_id_id_fk" FOREIGN KEY ("organisation_id","relationship_id") REFERENCES "public"."relationships"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reflections_author_idx" ON "reflections" USING btree ("organisation_id","person_id","relationship_id");--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON reflection_keys, reflections TO tandem_app;
--> statement-breakpoint
-- A person's wrapped reflection key is theirs alone, in whatever organisation they act. The server
-- cannot unwrap it (it never sees the passphrase or the recovery code).
ALTER TABLE reflection_keys ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE reflection_keys FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY own_reflection_keys ON reflection_keys FOR ALL TO PUBLIC
  USING (person_id = nullif(current_setting('app.person_id', true), '')::uuid)
  WITH CHECK (person_id = nullif(current_setting('app.person_id', true), '')::uuid);
--> statement-breakpoint
-- Reflections are their author's alone: there is no tenant-wide policy, so a coordinator's, a platform
-- admin's or another member's transaction reads zero rows. The author reads and deletes their own
-- inside the relationship's organisation, even after leaving it; a new or changed row must be the
-- author's, in a relationship they are still a current member of.
ALTER TABLE reflections ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE reflections FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY author_only ON reflections FOR ALL TO PUBLIC
  USING (
    organisation_id = nullif(current_setting('app.organisation_id', true), '')::uuid
    AND person_id = nullif(current_setting('app.person_id', true), '')::uuid
  )
  WITH CHECK (
    organisation_id = nullif(current_setting('app.organisation_id', true), '')::uuid
    AND person_id = nullif(current_setting('app.person_id', true), '')::uuid
    AND EXISTS (
      SELECT 1 FROM relationship_members m
      WHERE m.organisation_id = reflections.organisation_id AND m.relationship_id = reflections.relationship_id
        AND m.person_id = reflections.person_id AND m.left_at IS NULL
    )
  );
