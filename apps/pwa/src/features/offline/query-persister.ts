// Keeps the chosen queries (persisted-queries.ts) in the device's IndexedDB, so pages already seen
// show after a reload offline. Writes are chained, one at a time, and coalesced: the latest one wins.
import type { PersistedClient, Persister } from "@tanstack/react-query-persist-client";
import { deviceDb } from "./device-store";

const KEY = "queries";

export function createIdbPersister(): Persister {
  let writing: Promise<void> = Promise.resolve();
  let next: PersistedClient | null = null;
  async function flush() {
    const client = next;
    next = null;
    if (client) await (await deviceDb()).put("cache", client, KEY);
  }
  return {
    persistClient(client) {
      next = client;
      writing = writing.then(flush, flush);
      return writing;
    },
    async restoreClient() {
      return (await (await deviceDb()).get("cache", KEY)) as PersistedClient | undefined;
    },
    async removeClient() {
      next = null;
      await (await deviceDb()).delete("cache", KEY);
    },
  };
}
