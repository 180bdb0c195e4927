// Email through the outbox, against a real SMTP peer on loopback: nothing is sent while the change's
// transaction is open, a committed change's mail is delivered once by the `mail.deliver` job, a
// change that rolls back sends nothing, and an unreachable server leaves the error on the row until
// a retry gets through (or the job gives up into its dead-letter queue).
import { createServer, type AddressInfo } from "node:net";
import { emailOutbox } from "@tandem/db";
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDueJobs, startJobWorkers } from "../src/services/jobs";
import { createMailer, mailHandlers, type Mailer } from "../src/services/mail";
import { setup, type TestEnv } from "./support";

let env: TestEnv;
const received: { from: string; to: string[]; body: string }[] = [];
const servers: SMTPServer[] = [];

function smtpPeer() {
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let body = "";
      stream.on("data", (chunk: Buffer) => (body += chunk.toString()));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          body,
        });
        callback();
      });
    },
  });
  servers.push(smtp);
  return smtp;
}

async function listen(smtp: SMTPServer, port = 0): Promise<number> {
  await new Promise<void>((resolve) => smtp.listen(port, "127.0.0.1", resolve));
  return (smtp.server.address() as AddressInfo).port;
}

/** A loopback port with nothing listening on it (yet). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

let port: number;
beforeAll(async () => {
  env = await setup();
  port = await listen(smtpPeer());
});
afterAll(async () => {
  for (const smtp of servers) await new Promise<void>((resolve) => smtp.close(resolve));
  await env.close();
});

const to = (address: string) => received.filter((m) => m.to.includes(address));
const row = async (address: string) => (await env.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, address)))[0];
const deliver = (mailer: Mailer, now = new Date()) => runDueJobs(env.db, { handlers: mailHandlers(env.db, { mailer }), now });

async function waitFor(check: () => Promise<boolean> | boolean, what: string) {
  for (let i = 0; i < 300; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe("sending email", () => {
  it("sends nothing while the transaction is open, then delivers the committed mail once", async () => {
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}` });
    const jobs = await startJobWorkers({ connectionString: env.appUrl, handlers: mailHandlers(env.db, { mailer }), schedule: false, pollingIntervalSeconds: 0.5 });
    try {
      await env.db.transaction(async (tx) => {
        await mailer.send(tx, { to: "sam@example.org", subject: "Welcome to Tandem", text: "Hello Sam" });
        // Give a worker every chance to pick it up: the job is not visible before commit.
        jobs.wake();
        await new Promise((resolve) => setTimeout(resolve, 1000));
        expect(to("sam@example.org")).toHaveLength(0);
      });
      jobs.wake();
      await waitFor(async () => Boolean((await row("sam@example.org"))?.sentAt), "the mail to be sent");
    } finally {
      await jobs.stop({ timeoutMs: 1000 });
    }
    expect(to("sam@example.org")).toHaveLength(1);
    expect(to("sam@example.org")[0]).toMatchObject({ from: "no-reply@tandem.localhost" });
    expect(to("sam@example.org")[0]!.body).toContain("Subject: Welcome to Tandem");
    expect(to("sam@example.org")[0]!.body).toContain("Hello Sam");
    expect(await row("sam@example.org")).toMatchObject({ attempts: 1, lastError: null });
    // Nothing left to deliver: it went once.
    expect(await deliver(mailer, new Date(Date.now() + 86_400_000))).toBe(0);
    expect(to("sam@example.org")).toHaveLength(1);
  });

  it("sends nothing for a change that rolls back", async () => {
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}` });
    await expect(
      env.db.transaction(async (tx) => {
        await mailer.send(tx, { to: "rolled.back@example.org", subject: "Invitation", text: "Join us" });
        throw new Error("the invitation failed");
      }),
    ).rejects.toThrow("the invitation failed");
    await env.db.transaction((tx) => mailer.send(tx, { to: "committed@example.org", subject: "Invitation", text: "Join us" }));
    await deliver(mailer, new Date(Date.now() + 1000));
    expect(to("committed@example.org")).toHaveLength(1);
    expect(to("rolled.back@example.org")).toHaveLength(0);
    expect(await row("rolled.back@example.org")).toBeUndefined();
  });

  it("keeps the error when SMTP cannot be reached, and delivers on a retry once it is back", async () => {
    const downPort = await freePort();
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${downPort}` });
    await env.db.transaction((tx) => mailer.send(tx, { to: "kim@example.org", subject: "Your match", text: "Private words" }));
    const now = new Date(Date.now() + 1000);
    expect(await deliver(mailer, now)).toBe(1);
    const failed = await row("kim@example.org");
    expect(failed).toMatchObject({ sentAt: null, attempts: 1, textBody: "Private words" });
    expect(failed!.lastError).toMatch(/^Error: .*ECONNREFUSED/);
    expect(failed!.lastError).not.toContain("Private words");
    // Backing off: not retried at once.
    expect(await deliver(mailer, now)).toBe(0);

    await listen(smtpPeer(), downPort);
    expect(await deliver(mailer, new Date(now.getTime() + 3_600_000))).toBe(1);
    expect(to("kim@example.org")).toHaveLength(1);
    const sent = await row("kim@example.org");
    expect(sent).toMatchObject({ attempts: 2, lastError: null });
    expect(sent!.sentAt).toBeInstanceOf(Date);
  });

  it("gives up after its retries, leaving the message, the attempts and the error, in the dead-letter queue", async () => {
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${await freePort()}` });
    await env.db.transaction((tx) => mailer.send(tx, { to: "lost@example.org", subject: "Never delivered", text: "Kept" }));
    let now = new Date(Date.now() + 1000);
    // The first attempt and its ten retries.
    for (let attempt = 1; attempt <= 11; attempt += 1) {
      expect(await deliver(mailer, now)).toBe(1);
      now = new Date(now.getTime() + 86_400_000);
    }
    expect(await deliver(mailer, now)).toBe(0);
    expect(await row("lost@example.org")).toMatchObject({ sentAt: null, attempts: 11, textBody: "Kept", lastError: expect.stringMatching(/ECONNREFUSED/) });
    const { id } = (await row("lost@example.org"))!;
    const dead = await env.ownerSql`select data from pgboss.job where name = 'mail.deliver.dead'`;
    expect(dead).toEqual([{ data: { outboxId: id } }]);
  });

  it("without SMTP, prints the message when the job runs and keeps it for the dev mailbox", async () => {
    const printed: string[] = [];
    const mailer = createMailer({ print: (line) => printed.push(line) });
    await env.db.transaction((tx) => mailer.send(tx, { to: "lee@example.org", subject: "Dev only", text: "Link: http://x" }));
    expect(printed).toEqual([]);
    await deliver(mailer, new Date(Date.now() + 1000));
    expect(printed.join("\n")).toContain("[mail] to lee@example.org: Dev only");
    expect(await row("lee@example.org")).toMatchObject({ sentAt: null, attempts: 0, textBody: "Link: http://x" });
  });
});
