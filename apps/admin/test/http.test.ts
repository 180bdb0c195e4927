// The server's HTTP edge, in-process against a real database: health, the cross-site guard, and
// the tRPC endpoint setting the session cookie.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { createMailer } from "@tandem/api";
import { createTestDatabase, type TestDatabase } from "@tandem/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../server/app";

let database: TestDatabase;
let server: Server;
let base: string;
let healthy = true;

beforeAll(async () => {
  database = await createTestDatabase();
  const publicUrl = "http://localhost:3999";
  const app = createApp({
    deps: { db: database.db, mailer: createMailer({}), publicUrl, secureCookies: false },
    ping: async () => healthy && (await database.db.execute("select 1" as never).then(() => true, () => false)),
    publicUrl,
    pwaDir: "/nonexistent",
    log: () => {},
  });
  server = app.listen(0);
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await database.close();
});

describe("GET /healthz", () => {
  it("answers ok after checking the database, 503 when it cannot", async () => {
    const ok = await fetch(`${base}/healthz`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: "ok" });
    healthy = false;
    const down = await fetch(`${base}/healthz`);
    expect(down.status).toBe(503);
    healthy = true;
  });
});

describe("cross-site requests", () => {
  const signIn = (headers: Record<string, string>) =>
    fetch(`${base}/api/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ json: { email: "nobody@example.org", password: "whatever" } }),
    });

  it("refuses a POST with a foreign Origin before routing", async () => {
    const response = await signIn({ origin: "https://evil.example" });
    expect(response.status).toBe(403);
    expect(await response.text()).toBe("Cross-site requests are not allowed.");
  });

  it("refuses a POST the browser marks cross-site", async () => {
    expect((await signIn({ "sec-fetch-site": "cross-site" })).status).toBe(403);
  });

  it("lets same-origin requests through to the API", async () => {
    const response = await signIn({ origin: "http://localhost:3999", "sec-fetch-site": "same-origin" });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: { json: { message: string } } };
    expect(body.error.json.message).toBe("Enter a correct email address and password");
  });

  it("answers bad input with field errors, not a 500", async () => {
    const response = await fetch(`${base}/api/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://localhost:3999" },
      body: JSON.stringify({ json: { email: "not an email" } }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { json: { data: { fieldErrors: Record<string, string[]> } } } };
    expect(body.error.json.data.fieldErrors).toEqual({
      email: ["Enter an email address in the correct format, like name@example.com"],
      password: ["Enter your password"],
    });
  });
});

describe("the PWA mount", () => {
  it("says clearly when the PWA has not been built", async () => {
    const response = await fetch(`${base}/app/`);
    expect(response.status).toBe(503);
  });
});
