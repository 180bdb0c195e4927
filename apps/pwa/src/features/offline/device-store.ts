// What Tandem keeps on this device, in one IndexedDB database (decision record 016): the queries a
// person has seen (to show them offline), the outbox of changes waiting to send, and whose they are.
// No session token is kept here (the session cookie is HttpOnly). Everything is wiped on sign-out,
// and when someone else signs in on the same device.
import { type DBSchema, type IDBPDatabase, openDB } from "idb";
import type { OutboxItem } from "./outbox-items";

interface TandemDeviceDb extends DBSchema {
  outbox: { key: string; value: OutboxItem };
  /** The persisted TanStack Query cache, under the key "queries". */
  cache: { key: string; value: unknown };
  /** "owner": the id of the person whose data this is. */
  meta: { key: string; value: string };
}

export const DEVICE_DB = "tandem-device";
let opening: Promise<IDBPDatabase<TandemDeviceDb>> | null = null;

export function deviceDb(): Promise<IDBPDatabase<TandemDeviceDb>> {
  opening ??= openDB<TandemDeviceDb>(DEVICE_DB, 1, {
    upgrade(db) {
      db.createObjectStore("outbox", { keyPath: "key" });
      db.createObjectStore("cache");
      db.createObjectStore("meta");
    },
  });
  return opening;
}

/** Forgets everything stored on this device: the seen pages, the outbox and its owner. */
export async function wipeDevice(): Promise<void> {
  const db = await deviceDb();
  const tx = db.transaction(["outbox", "cache", "meta"], "readwrite");
  await Promise.all([
    tx.objectStore("outbox").clear(),
    tx.objectStore("cache").clear(),
    tx.objectStore("meta").clear(),
    tx.done,
  ]);
}

/**
 * Makes the device's data this person's: if what is stored belongs to someone else, it is wiped
 * first. Returns true when something was wiped.
 */
export async function claimDevice(personId: string): Promise<boolean> {
  const db = await deviceDb();
  const owner = await db.get("meta", "owner");
  if (owner === personId) return false;
  if (owner !== undefined) await wipeDevice();
  await db.put("meta", personId, "owner");
  return owner !== undefined;
}

/** Asks the browser to keep this site's storage under pressure (a person may be offline for days). */
export async function askForPersistentStorage(): Promise<boolean> {
  if (typeof navigator === "undefined" || !navigator.storage?.persist) return false;
  if (await navigator.storage.persisted()) return true;
  return navigator.storage.persist();
}
