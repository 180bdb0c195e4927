// Invitations end to end at the API: invite, the emailed link, set a password, sign in, see the role.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listOutbox } from "../src/services/mail";
import { browser, failure, makeOrganisation, makePerson, setup, type TestEnv } from "./support";

let env: TestEnv;
let orgId: string;
let admin: Awaited<ReturnType<ReturnType<typeof browser>["caller"]>>;

async function linkFor(email: string) {
  const [mail] = (await listOutbox(env.db, { limit: 50 })).filter((m) => m.toAddress === email);
  const match = mail?.textBody.match(/\/invitations\/([0-9a-f-]{36})\/([a-z2-7]+)/);
  if (!match) throw new Error(`no invitation email to ${email}`);
  return { organisationId: match[1]!, token: match[2]!, mail: mail! };
}

beforeAll(async () => {
  env = await setup();
  const org = await makeOrganisation(env.db, "Harrogate North PCN", "pcn");
  orgId = org.id;
  await makePerson(env.db, { email: "admin@example.org", name: "Priya Shah", memberOf: [{ organisationId: orgId, roles: ["org_admin"] }] });
  const client = browser(env.deps);
  await client.signIn("admin@example.org");
  admin = await client.caller();
});
afterAll(() => env.close());

describe("invitations", () => {
  it("lets the invitee set a password from the emailed link and sign in with their role", async () => {
    await admin.organisation.invite({ organisationId: orgId, email: "New.Doctor@Example.org", name: "Sam Okafor", roles: ["coordinator", "participant"] });
    const { organisationId, token, mail } = await linkFor("new.doctor@example.org");
    expect(mail.subject).toBe("You're invited to join Harrogate North PCN on Tandem");
    expect(mail.textBody).toContain("Priya Shah has invited you");

    const anon = await browser(env.deps).caller();
    expect(await anon.auth.invitation({ organisationId, token })).toMatchObject({
      organisationName: "Harrogate North PCN",
      email: "new.doctor@example.org",
      status: "pending",
      hasAccount: false,
      roles: ["coordinator", "participant"],
    });

    const mismatch = await failure(anon.auth.acceptInvitation({ organisationId, token, password: "long enough pw", confirmPassword: "other" }));
    expect(mismatch.code).toBe("BAD_REQUEST");
    const missing = await failure(anon.auth.acceptInvitation({ organisationId, token }));
    expect(missing).toMatchObject({ code: "BAD_REQUEST", message: "Create a password" });

    await anon.auth.acceptInvitation({ organisationId, token, password: "long enough pw", confirmPassword: "long enough pw" });
    const again = await failure(anon.auth.acceptInvitation({ organisationId, token, password: "long enough pw", confirmPassword: "long enough pw" }));
    expect(again).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("already been used") });

    const invitee = browser(env.deps);
    await invitee.signIn("new.doctor@example.org", "long enough pw");
    const me = await (await invitee.caller()).me.get();
    expect(me?.memberships).toEqual([
      expect.objectContaining({ organisationName: "Harrogate North PCN", organisationKind: "pcn", roles: ["coordinator", "participant"] }),
    ]);

    const audit = await admin.organisation.audit({ organisationId: orgId });
    expect(audit.entries.map((e) => e.action)).toEqual(expect.arrayContaining(["invitation.sent", "invitation.accepted"]));
  });

  it("refuses a token for the wrong organisation, a made-up token, and an expired invitation", async () => {
    await admin.organisation.invite({ organisationId: orgId, email: "late@example.org", name: "Late Person", roles: ["participant"] });
    const { token } = await linkFor("late@example.org");
    const other = await makeOrganisation(env.db, "Some Other Trust");
    const anon = await browser(env.deps).caller();
    expect((await failure(anon.auth.invitation({ organisationId: other.id, token }))).code).toBe("NOT_FOUND");
    expect((await failure(anon.auth.invitation({ organisationId: orgId, token: "a".repeat(32) }))).code).toBe("NOT_FOUND");
    env.advance(15 * 24 * 60 * 60 * 1000);
    expect(await anon.auth.invitation({ organisationId: orgId, token })).toMatchObject({ status: "expired" });
    expect((await failure(anon.auth.acceptInvitation({ organisationId: orgId, token, password: "long enough pw", confirmPassword: "long enough pw" }))).code).toBe("CONFLICT");
  });

  it("does not invite an existing member, and explains why", async () => {
    const error = await failure(admin.organisation.invite({ organisationId: orgId, email: "admin@example.org", name: "Priya", roles: ["participant"] }));
    expect(error).toMatchObject({ code: "CONFLICT", message: "admin@example.org is already a member of this organisation" });
  });

  it("keeps at least one org admin", async () => {
    const me = await admin.me.get();
    const error = await failure(admin.organisation.setRoles({ organisationId: orgId, personId: me!.person.id, roles: ["participant"] }));
    expect(error.code).toBe("CONFLICT");
  });

  it("changes roles and records it in the audit log", async () => {
    const { members } = await admin.organisation.people({ organisationId: orgId });
    const sam = members.find((m) => m.email === "new.doctor@example.org")!;
    await admin.organisation.setRoles({ organisationId: orgId, personId: sam.personId, roles: ["org_admin", "participant"] });
    const { entries } = await admin.organisation.audit({ organisationId: orgId, limit: 1 });
    expect(entries[0]).toMatchObject({ action: "membership.roles_changed", subjectId: sam.personId, actorName: "Priya Shah" });
  });
});
