-- Stored responses of keyed writes (0018) are kept for 30 days, then swept by a daily job
-- (services/idempotency-sweep.ts). The sweep is the one deliberate path past the own-row policy: a
-- DELETE only, of rows older than the instant the sweeping transaction names in
-- `app.idempotency_keys_expire_before` (set transaction-locally by the job alone). It reads nothing:
-- no SELECT policy goes with it, so the sweep cannot see a key or a response, only remove old ones.
CREATE POLICY sweep_expired_idempotency_keys ON idempotency_keys FOR DELETE TO PUBLIC
  USING (created_at < nullif(current_setting('app.idempotency_keys_expire_before', true), '')::timestamptz);
--> statement-breakpoint
SELECT pgboss.create_queue('idempotency.sweep.dead', '{"policy": "standard"}');
--> statement-breakpoint
SELECT pgboss.create_queue('idempotency.sweep', '{"policy": "standard", "deadLetter": "idempotency.sweep.dead"}');
