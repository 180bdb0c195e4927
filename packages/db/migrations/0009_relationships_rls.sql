-- Relationships after the match. Members, meetings and attendance are tenant tables (a coordinator
-- sees who is in a relationship and that meetings happened); a person also reads their own across
-- organisations. Agreed actions and shared notes are readable and writable ONLY by the relationship's
-- members: there is no tenant-wide policy on them, so a coordinator's (or anyone else's) transaction
-- reads zero rows.
GRANT SELECT, INSERT, UPDATE, DELETE ON
  relationship_members, meetings, meeting_attendance, agreed_actions, meeting_notes
  TO tandem_app;
--> statement-breakpoint
SELECT tandem_private.enable_tenant_rls('public.relationship_members');
--> statement-breakpoint
SELECT tandem_private.enable_tenant_rls('public.meetings');
--> statement-breakpoint
SELECT tandem_private.enable_tenant_rls('public.meeting_attendance');
--> statement-breakpoint
-- A person's own member rows, in any organisation (the PWA's "my mentoring" across organisations).
CREATE POLICY own_relationship_members ON relationship_members FOR SELECT TO PUBLIC
  USING (person_id = nullif(current_setting('app.person_id', true), '')::uuid);
--> statement-breakpoint
-- Relationships, meetings and attendance of relationships the person is a member of, in any organisation.
CREATE POLICY member_relationships ON relationships FOR SELECT TO PUBLIC
  USING (EXISTS (
    SELECT 1 FROM relationship_members m
    WHERE m.organisation_id = relationships.organisation_id AND m.relationship_id = relationships.id
      AND m.person_id = nullif(current_setting('app.person_id', true), '')::uuid
  ));
--> statement-breakpoint
CREATE POLICY member_meetings ON meetings FOR SELECT TO PUBLIC
  USING (EXISTS (
    SELECT 1 FROM relationship_members m
    WHERE m.organisation_id = meetings.organisation_id AND m.relationship_id = meetings.relationship_id
      AND m.person_id = nullif(current_setting('app.person_id', true), '')::uuid
  ));
--> statement-breakpoint
ALTER TABLE agreed_actions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE agreed_actions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE meeting_notes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE meeting_notes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Only current members of the relationship, inside its organisation, read or write what the pair keep.
CREATE POLICY members_only ON agreed_actions FOR ALL TO PUBLIC
  USING (
    organisation_id = nullif(current_setting('app.organisation_id', true), '')::uuid
    AND EXISTS (
      SELECT 1 FROM relationship_members m
      WHERE m.organisation_id = agreed_actions.organisation_id AND m.relationship_id = agreed_actions.relationship_id
        AND m.person_id = nullif(current_setting('app.person_id', true), '')::uuid AND m.left_at IS NULL
    )
  )
  WITH CHECK (
    organisation_id = nullif(current_setting('app.organisation_id', true), '')::uuid
    AND EXISTS (
      SELECT 1 FROM relationship_members m
      WHERE m.organisation_id = agreed_actions.organisation_id AND m.relationship_id = agreed_actions.relationship_id
        AND m.person_id = nullif(current_setting('app.person_id', true), '')::uuid AND m.left_at IS NULL
    )
  );
--> statement-breakpoint
CREATE POLICY members_only ON meeting_notes FOR ALL TO PUBLIC
  USING (
    organisation_id = nullif(current_setting('app.organisation_id', true), '')::uuid
    AND EXISTS (
      SELECT 1 FROM relationship_members m
      WHERE m.organisation_id = meeting_notes.organisation_id AND m.relationship_id = meeting_notes.relationship_id
        AND m.person_id = nullif(current_setting('app.person_id', true), '')::uuid AND m.left_at IS NULL
    )
  )
  WITH CHECK (
    organisation_id = nullif(current_setting('app.organisation_id', true), '')::uuid
    AND EXISTS (
      SELECT 1 FROM relationship_members m
      WHERE m.organisation_id = meeting_notes.organisation_id AND m.relationship_id = meeting_notes.relationship_id
        AND m.person_id = nullif(current_setting('app.person_id', true), '')::uuid AND m.left_at IS NULL
    )
  );
