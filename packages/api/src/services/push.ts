// Web push (docs/decisions/015): the installation's VAPID key pair, made once by the first server to
// start and kept in the database (owner-only, reached through two security-definer functions), the
// browsers people allow to show reminders, and sending one message to one of them with `web-push`.
// A message carries a generic title and a path in the PWA, never a name, a place or anything a pair
// keep. Sending is an effect: it happens in a job after the transaction that asked for it commits.
import { isIP } from "node:net";
import type { Agent } from "node:https";
import { and, eq, sql } from "drizzle-orm";
import { type Database, pushSubscriptions, type Tx, withPerson } from "@tandem/db";
import webpush from "web-push";
import { z } from "zod";
import type { Queryable } from "../queryable";

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/** The installation's key pair: the stored one, or a new one kept if none is (several servers may race; one pair wins). */
export async function ensureVapidKeys(db: Queryable): Promise<VapidKeys> {
  const candidate = webpush.generateVAPIDKeys();
  const rows = await db.execute<{ public_key: string; private_key: string }>(
    sql`select public_key, private_key from tandem_ensure_vapid_keys(${candidate.publicKey}, ${candidate.privateKey})`,
  );
  const [row] = Array.from(rows);
  if (!row) throw new Error("the VAPID key pair could not be kept");
  return { publicKey: row.public_key, privateKey: row.private_key };
}

/** The public key browsers subscribe with; null until a server has started and made the pair. */
export async function vapidPublicKey(db: Queryable): Promise<string | null> {
  const rows = await db.execute<{ key: string | null }>(sql`select tandem_vapid_public_key() as key`);
  return Array.from(rows)[0]?.key ?? null;
}

/**
 * VAPID's subject: how a push service reaches the installation's operator. A configured address
 * (mailto:), else the public URL when it is https, else a placeholder address for development.
 */
export function vapidSubject(options: { contact?: string; publicUrl: string }): string {
  if (options.contact) return options.contact.startsWith("mailto:") ? options.contact : `mailto:${options.contact}`;
  if (options.publicUrl.startsWith("https://")) return options.publicUrl.replace(/\/$/, "");
  return "mailto:no-reply@tandem.localhost";
}

// --- Subscriptions ---------------------------------------------------------------------------

function decodedLength(value: string): number {
  return Buffer.from(value, "base64url").length;
}
const base64url = /^[A-Za-z0-9_-]+=*$/;

function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "");
  return host === "localhost" || host === "::1" || /^127\./.test(host);
}

/**
 * A browser's PushSubscription as `subscription.toJSON()` gives it. The endpoint is where the server
 * will POST, so it must be https (web-push speaks nothing else) on a named host: an address literal
 * or localhost is refused, so a subscription cannot point the server at its own network. Only an
 * installation that allows it (tests, development on http://localhost) accepts a loopback endpoint.
 */
export function subscriptionInput(options: { allowLoopback: boolean }) {
  return z.object({
    endpoint: z
      .string({ required_error: "Give the subscription's endpoint" })
      .max(2048, "The endpoint is too long")
      .url("The endpoint must be an https address")
      .superRefine((value, ctx) => {
        let url: URL;
        try {
          url = new URL(value);
        } catch {
          return; // Said by .url() already.
        }
        if (url.protocol !== "https:") return ctx.addIssue({ code: "custom", message: "The endpoint must be an https address" });
        if (url.username || url.password) return ctx.addIssue({ code: "custom", message: "The endpoint must not carry credentials" });
        const loopback = isLoopbackHost(url.hostname);
        if (loopback && options.allowLoopback) return;
        if (loopback || isIP(url.hostname.replace(/^\[|\]$/g, "")) !== 0) ctx.addIssue({ code: "custom", message: "The endpoint must be a push service's address" });
      }),
    keys: z.object(
      {
        p256dh: z
          .string({ required_error: "Give the subscription's p256dh key" })
          .max(200)
          .regex(base64url, "The p256dh key must be base64url")
          .refine((v) => decodedLength(v) === 65, "The p256dh key must be an uncompressed P-256 point"),
        auth: z
          .string({ required_error: "Give the subscription's auth secret" })
          .max(100)
          .regex(base64url, "The auth secret must be base64url")
          .refine((v) => decodedLength(v) === 16, "The auth secret must be 16 bytes"),
      },
      { required_error: "Give the subscription's keys" },
    ),
    /** A label of the browser, for the person's own information. */
    userAgent: z.string().max(120).optional(),
  });
}
export type SubscriptionInput = z.infer<ReturnType<typeof subscriptionInput>>;

/** At most this many browsers per person: a new one beyond pushes the oldest out. */
export const maxSubscriptionsPerPerson = 10;

/**
 * Keeps a browser's subscription for the person (in a withPerson transaction). A browser someone
 * else subscribed before (a shared device) becomes this person's: the transaction names the
 * endpoint, which row-level security lets it read and delete, never rewrite.
 */
export async function saveSubscription(tx: Tx, options: { personId: string; subscription: SubscriptionInput; now: Date }) {
  const { endpoint, keys, userAgent } = options.subscription;
  await tx.execute(sql`select set_config('app.push_endpoint', ${endpoint}, true)`);
  await tx.delete(pushSubscriptions).where(eq(pushSubscriptions.endpoint, endpoint));
  await tx.insert(pushSubscriptions).values({ personId: options.personId, endpoint, p256dh: keys.p256dh, auth: keys.auth, userAgent: userAgent ?? null, createdAt: options.now });
  await tx.execute(sql`select set_config('app.push_endpoint', '', true)`);
  const mine = await tx.select({ id: pushSubscriptions.id }).from(pushSubscriptions).where(eq(pushSubscriptions.personId, options.personId)).orderBy(sql`${pushSubscriptions.createdAt} desc`);
  for (const old of mine.slice(maxSubscriptionsPerPerson)) await tx.delete(pushSubscriptions).where(eq(pushSubscriptions.id, old.id));
  return { ok: true as const };
}

/** Forgets one of the person's browsers (they turned notifications off there); nothing if it is not theirs. */
export async function removeSubscription(tx: Tx, options: { personId: string; endpoint: string }) {
  await tx.delete(pushSubscriptions).where(and(eq(pushSubscriptions.personId, options.personId), eq(pushSubscriptions.endpoint, options.endpoint)));
  return { ok: true as const };
}

export async function subscriptionIdsOf(tx: Tx, personId: string): Promise<string[]> {
  const rows = await tx.select({ id: pushSubscriptions.id }).from(pushSubscriptions).where(eq(pushSubscriptions.personId, personId));
  return rows.map((r) => r.id);
}

// --- Sending -----------------------------------------------------------------------------------

/** All a push carries: a generic title and body, a path in the PWA to open, and a tag that replaces an older one. */
export interface PushMessage {
  title: string;
  body: string;
  /** A path under /app/, e.g. /app/relationships/<id>. */
  path: string;
  tag: string;
}

export interface Pusher {
  /**
   * Sends one message to one of the person's browsers, if it is still subscribed. A push service
   * answering 404 or 410 (the browser unsubscribed) deletes the subscription; any other failure
   * throws, so the job retries. Returns whether the push service accepted the message.
   */
  send(options: { personId: string; subscriptionId: string; message: PushMessage; ttlSeconds: number; topic?: string }): Promise<boolean>;
}

export function createPusher(db: Database, options: { subject: string; keys?: VapidKeys; agent?: Agent; timeoutMs?: number }): Pusher {
  let keys: Promise<VapidKeys> | undefined = options.keys ? Promise.resolve(options.keys) : undefined;
  const vapid = () => {
    // The job needs the pair; a server made it on start, and making it here is the same once-only step.
    keys ??= ensureVapidKeys(db).catch((error: unknown) => {
      keys = undefined;
      throw error;
    });
    return keys;
  };
  return {
    async send({ personId, subscriptionId, message, ttlSeconds, topic }) {
      const [subscription] = await withPerson(db, personId, (tx) =>
        tx.select().from(pushSubscriptions).where(and(eq(pushSubscriptions.id, subscriptionId), eq(pushSubscriptions.personId, personId))),
      );
      if (!subscription) return false;
      const { publicKey, privateKey } = await vapid();
      try {
        await webpush.sendNotification({ endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } }, JSON.stringify(message), {
          vapidDetails: { subject: options.subject, publicKey, privateKey },
          TTL: Math.max(60, Math.floor(ttlSeconds)),
          urgency: "normal",
          contentEncoding: "aes128gcm",
          timeout: options.timeoutMs ?? 10_000,
          ...(topic ? { topic } : {}),
          ...(options.agent ? { agent: options.agent } : {}),
        });
        return true;
      } catch (error) {
        if (error instanceof webpush.WebPushError && (error.statusCode === 404 || error.statusCode === 410)) {
          await withPerson(db, personId, (tx) => tx.delete(pushSubscriptions).where(eq(pushSubscriptions.id, subscriptionId)));
          return false;
        }
        // Only the status: a push service's answer may echo the endpoint, which is the browser's address.
        if (error instanceof webpush.WebPushError) throw new Error(`the push service answered ${error.statusCode}`);
        throw error;
      }
    },
  };
}
