-- Matching tables are tenant tables: isolated by app.organisation_id.
GRANT SELECT, INSERT, UPDATE, DELETE ON
  match_runs, match_proposals, match_constraints, match_requests, relationships, cohort_groups
  TO tandem_app;
--> statement-breakpoint
-- A no-fault change's reason is written once and never rewritten.
GRANT SELECT, INSERT ON no_fault_change_reasons TO tandem_app;
--> statement-breakpoint
SELECT tandem_private.enable_tenant_rls('public.match_runs');
--> statement-breakpoint
SELECT tandem_private.enable_tenant_rls('public.match_proposals');
--> statement-breakpoint
SELECT tandem_private.enable_tenant_rls('public.match_constraints');
--> statement-breakpoint
SELECT tandem_private.enable_tenant_rls('public.match_requests');
--> statement-breakpoint
SELECT tandem_private.enable_tenant_rls('public.relationships');
--> statement-breakpoint
SELECT tandem_private.enable_tenant_rls('public.no_fault_change_reasons');
--> statement-breakpoint
SELECT tandem_private.enable_tenant_rls('public.cohort_groups');
--> statement-breakpoint
-- A person reads their own relationships in any organisation (the PWA's "my mentoring").
CREATE POLICY own_relationships ON relationships FOR SELECT TO PUBLIC
  USING (
    mentee_person_id = nullif(current_setting('app.person_id', true), '')::uuid
    OR mentor_person_id = nullif(current_setting('app.person_id', true), '')::uuid
  );
