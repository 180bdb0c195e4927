-- Mentor preparation and support tables are tenant tables; the job queue is global infrastructure
-- (its payloads carry ids, and each job runs inside its organisation's tenant setting).
GRANT SELECT, INSERT, UPDATE, DELETE ON
  training_modules, evidence_files, training_records, support_events, support_attendance, peer_appraisals, jobs
  TO tandem_app;
--> statement-breakpoint
-- Approvals are a history: added, never rewritten.
GRANT SELECT, INSERT ON mentor_approvals TO tandem_app;
--> statement-breakpoint
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO tandem_app;
--> statement-breakpoint
SELECT tandem_private.enable_tenant_rls('public.training_modules');
--> statement-breakpoint
SELECT tandem_private.enable_tenant_rls('public.evidence_files');
--> statement-breakpoint
SELECT tandem_private.enable_tenant_rls('public.training_records');
--> statement-breakpoint
SELECT tandem_private.enable_tenant_rls('public.support_events');
--> statement-breakpoint
SELECT tandem_private.enable_tenant_rls('public.support_attendance');
--> statement-breakpoint
SELECT tandem_private.enable_tenant_rls('public.peer_appraisals');
--> statement-breakpoint
SELECT tandem_private.enable_tenant_rls('public.mentor_approvals');
