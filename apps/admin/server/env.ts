// Configuration, parsed once. Everything else reads this, never process.env.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

const Env = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .url("DATABASE_URL must be a URL like postgres://user:password@host:5432/database")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  TANDEM_DATA_DIR: z.string().min(1).default(path.join(repoRoot, ".data")),
  SMTP_URL: z.string().url("SMTP_URL must be a URL like smtp://user:pass@host:587").optional().or(z.literal("").transform(() => undefined)),
  TANDEM_PUBLIC_URL: z.string().url("TANDEM_PUBLIC_URL must be a URL like https://tandem.example.org").optional(),
  // Who push services may contact about this installation's notifications (VAPID's subject).
  TANDEM_PUSH_CONTACT: z.string().email("TANDEM_PUSH_CONTACT must be an email address").optional().or(z.literal("").transform(() => undefined)),
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  /** Browser tests only: a file holding how far ahead the server's clock runs (server/test-clock.ts). */
  TANDEM_TEST_CLOCK_FILE: z.string().min(1).optional().or(z.literal("").transform(() => undefined)),
});

export type ServerEnv = z.infer<typeof Env> & { publicUrl: string; secure: boolean; repoRoot: string };

export function readEnv(source: Record<string, string | undefined> = process.env): ServerEnv {
  const parsed = Env.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Tandem cannot start: the configuration is not valid.\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  const publicUrl = (env.TANDEM_PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
  if (env.TANDEM_TEST_CLOCK_FILE && !/^http:\/\/(localhost|127\.0\.0\.1)(:|$)/.test(publicUrl)) {
    throw new Error("Tandem cannot start: TANDEM_TEST_CLOCK_FILE moves the server's clock for browser tests and is refused unless the server runs on http://localhost or http://127.0.0.1.");
  }
  return { ...env, publicUrl, secure: publicUrl.startsWith("https://"), repoRoot };
}
