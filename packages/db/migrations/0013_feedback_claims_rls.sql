-- Feedback, outcomes and claims are tenant tables. A person also reads their own feedback requests,
-- feedback answers, outcome answers and claims in any organisation (the PWA's "things waiting for
-- you"). Coordinators' procedures return feedback only as summaries (services/feedback).
GRANT SELECT, INSERT, UPDATE, DELETE ON
  feedback_rounds, feedback_requests, feedback_responses, outcome_responses, claims, claim_exports
  TO tandem_app;
--> statement-breakpoint
SELECT tandem_private.enable_tenant_rls('public.feedback_rounds');
--> statement-breakpoint
SELECT tandem_private.enable_tenant_rls('public.feedback_requests');
--> statement-breakpoint
SELECT tandem_private.enable_tenant_rls('public.feedback_responses');
--> statement-breakpoint
SELECT tandem_private.enable_tenant_rls('public.outcome_responses');
--> statement-breakpoint
SELECT tandem_private.enable_tenant_rls('public.claims');
--> statement-breakpoint
SELECT tandem_private.enable_tenant_rls('public.claim_exports');
--> statement-breakpoint
CREATE POLICY own_feedback_requests ON feedback_requests FOR SELECT TO PUBLIC
  USING (person_id = nullif(current_setting('app.person_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY own_outcome_responses ON outcome_responses FOR SELECT TO PUBLIC
  USING (person_id = nullif(current_setting('app.person_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY own_claims ON claims FOR SELECT TO PUBLIC
  USING (mentor_person_id = nullif(current_setting('app.person_id', true), '')::uuid);
--> statement-breakpoint
-- The daily settle of relationships (complete those past their longest time, resume paused ones on their date).
SELECT pgboss.create_queue('relationships.settle.dead', '{"policy": "standard"}');
--> statement-breakpoint
SELECT pgboss.create_queue('relationships.settle', '{"policy": "standard", "deadLetter": "relationships.settle.dead"}');
