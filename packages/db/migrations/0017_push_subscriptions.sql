CREATE TABLE "push_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"endpoint" text NOT NULL,
	"p256dh" text NOT NULL,
	"auth" text NOT NULL,
	"user_agent" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "push_subscriptions_endpoint_unique" UNIQUE("endpoint")
);
--> statement-breakpoint
ALTER TABLE "reminder_preferences" DROP CONSTRAINT "reminder_preferences_channel";--> statement-breakpoint
ALTER TABLE "push_subscriptions" ADD CONSTRAINT "push_subscriptions_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "push_subscriptions_person_id" ON "push_subscriptions" USING btree ("person_id");--> statement-breakpoint
ALTER TABLE "reminder_preferences" ADD CONSTRAINT "reminder_preferences_channel" CHECK ("reminder_preferences"."channel" in ('email', 'push', 'both', 'none'));--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON push_subscriptions TO tandem_app;
--> statement-breakpoint
-- A person's devices are theirs alone, in whatever organisation they act; the reminder job reads
-- them as that person (withPerson).
ALTER TABLE push_subscriptions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE push_subscriptions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY own_push_subscriptions ON push_subscriptions FOR ALL TO PUBLIC
  USING (person_id = nullif(current_setting('app.person_id', true), '')::uuid)
  WITH CHECK (person_id = nullif(current_setting('app.person_id', true), '')::uuid);
--> statement-breakpoint
-- One browser, one subscription: a person subscribing a browser that someone else signed in on
-- before takes it over. The endpoint is the push service's unguessable address for the browser, so
-- a transaction that names it (app.push_endpoint) may read and delete that one row, never write it.
CREATE POLICY push_subscription_by_endpoint ON push_subscriptions FOR SELECT TO PUBLIC
  USING (endpoint = nullif(current_setting('app.push_endpoint', true), ''));
--> statement-breakpoint
CREATE POLICY push_subscription_delete_by_endpoint ON push_subscriptions FOR DELETE TO PUBLIC
  USING (endpoint = nullif(current_setting('app.push_endpoint', true), ''));
--> statement-breakpoint
-- The installation's VAPID key pair (web push's application server keys), made once by the first
-- server to start. Owner-only, like app_login: the app role can neither read the table nor replace
-- or delete the pair (a new pair would orphan every browser's subscription). It reaches the pair
-- only through the two functions below; the private key goes to the servers that sign with it.
CREATE TABLE tandem_private.vapid_keys (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  public_key text NOT NULL,
  private_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
-- Keeps the candidate pair if there is none yet (several servers may start at once: the first insert
-- wins, the others' do nothing), and returns the pair that is kept.
CREATE FUNCTION public.tandem_ensure_vapid_keys(candidate_public text, candidate_private text)
RETURNS TABLE (public_key text, private_key text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  INSERT INTO tandem_private.vapid_keys (public_key, private_key) VALUES (candidate_public, candidate_private)
    ON CONFLICT (singleton) DO NOTHING;
  RETURN QUERY SELECT k.public_key, k.private_key FROM tandem_private.vapid_keys k;
END
$$;
--> statement-breakpoint
-- The public key alone, for browsers subscribing (a read: it never makes a pair).
CREATE FUNCTION public.tandem_vapid_public_key() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT k.public_key FROM tandem_private.vapid_keys k
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.tandem_ensure_vapid_keys(text, text), public.tandem_vapid_public_key() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.tandem_ensure_vapid_keys(text, text), public.tandem_vapid_public_key() TO tandem_app;
--> statement-breakpoint
SELECT pgboss.create_queue('meeting.push.dead', '{"policy": "standard"}');
--> statement-breakpoint
SELECT pgboss.create_queue('meeting.push', '{"policy": "standard", "deadLetter": "meeting.push.dead"}');
