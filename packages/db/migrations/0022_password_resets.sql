CREATE TABLE "password_resets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "password_resets_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "password_resets" ADD CONSTRAINT "password_resets_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "password_resets_person_id" ON "password_resets" USING btree ("person_id");--> statement-breakpoint
-- Sign-in attempts and password reset requests share one rate-limit table (decision 006), told
-- apart by kind; rows written before this migration are sign-in attempts.
ALTER TABLE "sign_in_attempts" ADD COLUMN "kind" text DEFAULT 'sign_in' NOT NULL;--> statement-breakpoint
ALTER TABLE "sign_in_attempts" ADD CONSTRAINT "sign_in_attempts_kind" CHECK ("sign_in_attempts"."kind" in ('sign_in', 'password_reset'));--> statement-breakpoint
DROP INDEX "sign_in_attempts_account_idx";--> statement-breakpoint
DROP INDEX "sign_in_attempts_address_idx";--> statement-breakpoint
CREATE INDEX "sign_in_attempts_account_idx" ON "sign_in_attempts" USING btree ("kind","account_key","attempted_at");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_address_idx" ON "sign_in_attempts" USING btree ("kind","address","attempted_at");--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON password_resets TO tandem_app;
--> statement-breakpoint
ALTER TABLE password_resets ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE password_resets FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- A request for a link runs as the person the address belongs to (there is no session): it ends
-- their earlier links and writes the new one. Nobody else's links are visible or writable.
CREATE POLICY own_password_resets ON password_resets FOR ALL TO PUBLIC
  USING (person_id = nullif(current_setting('app.person_id', true), '')::uuid)
  WITH CHECK (person_id = nullif(current_setting('app.person_id', true), '')::uuid);
--> statement-breakpoint
-- Following the emailed link: the transaction names the hash of the token in the link and sees that
-- one row, which it may mark used; it may not move the row to another person or token.
CREATE POLICY password_reset_by_token ON password_resets FOR SELECT TO PUBLIC
  USING (token_hash = nullif(current_setting('app.password_reset_token_hash', true), ''));
--> statement-breakpoint
CREATE POLICY password_reset_use_by_token ON password_resets FOR UPDATE TO PUBLIC
  USING (token_hash = nullif(current_setting('app.password_reset_token_hash', true), ''))
  WITH CHECK (token_hash = nullif(current_setting('app.password_reset_token_hash', true), ''));
