-- Schemes, rule versions and enrolments are tenant tables: isolated by app.organisation_id.
GRANT SELECT, INSERT, UPDATE, DELETE ON schemes, enrolments TO tandem_app;
--> statement-breakpoint
-- Rule versions are immutable: the app may add versions, never change or remove one.
GRANT SELECT, INSERT ON scheme_rule_versions TO tandem_app;
--> statement-breakpoint
SELECT tandem_private.enable_tenant_rls('public.schemes');
--> statement-breakpoint
SELECT tandem_private.enable_tenant_rls('public.scheme_rule_versions');
--> statement-breakpoint
SELECT tandem_private.enable_tenant_rls('public.enrolments');
--> statement-breakpoint
-- The public directory (SPEC section 11) reads listed, open schemes of every organisation, and only
-- those, in a transaction that sets app.directory = 'on'. Enrolments never become visible this way:
-- the directory's "mentors with free places" is a count kept on the scheme row.
CREATE POLICY public_directory ON schemes FOR SELECT TO PUBLIC
  USING (current_setting('app.directory', true) = 'on' AND listed AND status = 'open');
--> statement-breakpoint
CREATE POLICY public_directory ON scheme_rule_versions FOR SELECT TO PUBLIC
  USING (
    current_setting('app.directory', true) = 'on'
    AND EXISTS (
      SELECT 1 FROM schemes s
      WHERE s.organisation_id = scheme_rule_versions.organisation_id
        AND s.id = scheme_rule_versions.scheme_id
        AND s.current_version = scheme_rule_versions.version
        AND s.listed AND s.status = 'open'
    )
  );
--> statement-breakpoint
-- A person reads their own enrolments in any organisation (a doctor may join other organisations'
-- schemes), and the schemes and rule versions they are enrolled in.
CREATE POLICY own_enrolments ON enrolments FOR SELECT TO PUBLIC
  USING (person_id = nullif(current_setting('app.person_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY enrolled_schemes ON schemes FOR SELECT TO PUBLIC
  USING (EXISTS (
    SELECT 1 FROM enrolments e
    WHERE e.organisation_id = schemes.organisation_id AND e.scheme_id = schemes.id
      AND e.person_id = nullif(current_setting('app.person_id', true), '')::uuid
  ));
--> statement-breakpoint
CREATE POLICY enrolled_scheme_versions ON scheme_rule_versions FOR SELECT TO PUBLIC
  USING (EXISTS (
    SELECT 1 FROM enrolments e
    WHERE e.organisation_id = scheme_rule_versions.organisation_id
      AND e.scheme_id = scheme_rule_versions.scheme_id
      AND e.person_id = nullif(current_setting('app.person_id', true), '')::uuid
  ));
--> statement-breakpoint
-- Nobody rewrites a published rules version, not even the owner (deleting the scheme cascades).
CREATE FUNCTION tandem_private.rule_versions_immutable() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND NOT EXISTS (
    SELECT 1 FROM public.schemes WHERE organisation_id = OLD.organisation_id AND id = OLD.scheme_id
  ) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'scheme rule versions are immutable (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER rule_versions_immutable BEFORE UPDATE OR DELETE ON scheme_rule_versions
  FOR EACH ROW EXECUTE FUNCTION tandem_private.rule_versions_immutable();
