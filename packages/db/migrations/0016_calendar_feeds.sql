CREATE TABLE "calendar_feeds" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"show_details" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feeds_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON calendar_feeds TO tandem_app;
--> statement-breakpoint
ALTER TABLE calendar_feeds ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE calendar_feeds FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY own_calendar_feed ON calendar_feeds FOR ALL TO PUBLIC
  USING (person_id = nullif(current_setting('app.person_id', true), '')::uuid)
  WITH CHECK (person_id = nullif(current_setting('app.person_id', true), '')::uuid);
--> statement-breakpoint
-- The feed has no session: it names the hash of the token in its URL, and sees that one row.
CREATE POLICY calendar_feed_by_token ON calendar_feeds FOR SELECT TO PUBLIC
  USING (token_hash = nullif(current_setting('app.feed_token_hash', true), ''));
