-- Row-level security and the application role (SPEC section 3: isolation is enforced twice).
-- The app connects as a login role that is a member of tandem_app: never the owner, never a superuser,
-- never BYPASSRLS, so the policies below hold for every query it runs.

-- Roles are cluster-wide; several Tandem databases (and test databases) may share one cluster and
-- migrate at the same moment, so a concurrent CREATE ROLE is tolerated.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tandem_app') THEN
    CREATE ROLE tandem_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;
--> statement-breakpoint
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO tandem_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON
  organisations, people, platform_roles, sessions, sign_in_attempts, memberships, invitations, email_outbox
  TO tandem_app;
--> statement-breakpoint
-- The audit log is append-only for the app.
GRANT SELECT, INSERT ON audit_log TO tandem_app;
--> statement-breakpoint
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO tandem_app;
--> statement-breakpoint
-- Owner-only: provisioning state and helpers for later migrations. tandem_app gets nothing here.
CREATE SCHEMA IF NOT EXISTS tandem_private;
--> statement-breakpoint
REVOKE ALL ON SCHEMA tandem_private FROM PUBLIC;
--> statement-breakpoint
-- The per-database login role and its password, generated once at first start. A database cloned
-- from a template keeps the template's row, so the clone is reached with the same credentials.
CREATE TABLE tandem_private.app_login (
  role_name text PRIMARY KEY,
  password text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
-- One call per tenant table, in the migration that creates it:
--   SELECT tandem_private.enable_tenant_rls('public.schemes');
-- Rows are visible and writable only while app.organisation_id (set per transaction by withTenant)
-- names their organisation; with no setting nothing is visible.
CREATE FUNCTION tandem_private.enable_tenant_rls(target regclass) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', target);
  EXECUTE format(
    'CREATE POLICY tenant_isolation ON %s FOR ALL TO PUBLIC '
    'USING (organisation_id = nullif(current_setting(''app.organisation_id'', true), '''')::uuid) '
    'WITH CHECK (organisation_id = nullif(current_setting(''app.organisation_id'', true), '''')::uuid)',
    target);
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION tandem_private.enable_tenant_rls(regclass) FROM PUBLIC;
--> statement-breakpoint
SELECT tandem_private.enable_tenant_rls('public.memberships');
--> statement-breakpoint
SELECT tandem_private.enable_tenant_rls('public.invitations');
--> statement-breakpoint
SELECT tandem_private.enable_tenant_rls('public.audit_log');
--> statement-breakpoint
-- Sign-in and "my organisations" read a person's own memberships across organisations.
CREATE POLICY own_memberships ON memberships FOR SELECT TO PUBLIC
  USING (person_id = nullif(current_setting('app.person_id', true), '')::uuid);
--> statement-breakpoint
-- Nobody rewrites history, not even the owner. TRUNCATE (owner only, for reseeding) does not fire
-- row triggers; deleting an organisation cascades to its log, which is allowed once the
-- organisation row is gone.
CREATE FUNCTION tandem_private.audit_log_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM public.organisations WHERE id = OLD.organisation_id) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION tandem_private.audit_log_append_only();
