// Email: with SMTP_URL it is delivered to a real SMTP peer on loopback and marked sent; when the
// server is unreachable it stays in the outbox with the error, so nothing is lost.
import type { AddressInfo } from "node:net";
import { emailOutbox } from "@tandem/db";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailer } from "../src/services/mail";
import { setup, type TestEnv } from "./support";

let env: TestEnv;
let smtp: SMTPServer;
let port: number;
const received: { from: string; to: string[]; body: string }[] = [];

beforeAll(async () => {
  env = await setup();
  smtp = new SMTPServer({
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
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  port = (smtp.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(resolve));
  await env.close();
});

describe("sending email", () => {
  it("delivers through SMTP and marks the outbox row sent", async () => {
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}` });
    await mailer.send(env.db, { to: "sam@example.org", subject: "Welcome to Tandem", text: "Hello Sam" });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ to: ["sam@example.org"], from: "no-reply@tandem.localhost" });
    expect(received[0]!.body).toContain("Subject: Welcome to Tandem");
    expect(received[0]!.body).toContain("Hello Sam");
    const rows = await env.db.select().from(emailOutbox);
    expect(rows).toEqual([expect.objectContaining({ toAddress: "sam@example.org", attempts: 1, lastError: null })]);
    expect(rows[0]!.sentAt).toBeInstanceOf(Date);
  });

  it("keeps the message and the reason when SMTP cannot be reached", async () => {
    const mailer = createMailer({ smtpUrl: "smtp://127.0.0.1:1" });
    await mailer.send(env.db, { to: "kim@example.org", subject: "Not delivered", text: "Still kept" });
    const [row] = (await env.db.select().from(emailOutbox)).filter((r) => r.toAddress === "kim@example.org");
    expect(row).toMatchObject({ sentAt: null, attempts: 1, textBody: "Still kept" });
    expect(row!.lastError).toMatch(/ECONNREFUSED/);
  });

  it("without SMTP keeps the message for the dev mailbox and prints it", async () => {
    const printed: string[] = [];
    const mailer = createMailer({ print: (line) => printed.push(line) });
    await mailer.send(env.db, { to: "lee@example.org", subject: "Dev only", text: "Link: http://x" });
    expect(printed.join("\n")).toContain("[mail] to lee@example.org: Dev only");
    const [row] = (await env.db.select().from(emailOutbox)).filter((r) => r.toAddress === "lee@example.org");
    expect(row).toMatchObject({ sentAt: null, attempts: 0 });
  });
});
