// Reflections made on this device that the outbox has not sent yet (offline, or waiting for a
// sign-in): opened here with the person's key so the page shows them at once, marked as waiting.
import { useEffect, useState } from "react";
import type { Scope } from "../relationships/relationship-types";
import type { OutboxItem } from "../offline/outbox-items";
import { useOutboxState } from "../offline/use-outbox";
import type { UnlockedKey } from "./key-store";
import { openReflection } from "./reflection-crypto";

export interface WaitingReflections {
  /** New reflections not yet sent, oldest first. */
  added: { key: string; meetingId: string | null; createdAt: Date; text: string | null; problem?: string }[];
  /** Changed text waiting to send, by reflection. */
  changed: Map<string, string | null>;
  /** Deletions waiting to send. */
  removed: Set<string>;
}

const none: WaitingReflections = { added: [], changed: new Map(), removed: new Set() };

type Sealed = { ciphertext: string; iv: string; keyVersion: number };

export function useWaitingReflections(scope: Scope, unlocked: UnlockedKey): WaitingReflections {
  const { items } = useOutboxState();
  const [waiting, setWaiting] = useState<WaitingReflections>(none);

  useEffect(() => {
    let stale = false;
    const open = (sealed: Sealed) =>
      sealed.keyVersion === unlocked.keyVersion ? openReflection(unlocked.key, scope.relationshipId, sealed).catch(() => null) : Promise.resolve(null);
    const mine = items.filter((i) => i.personId === unlocked.personId);
    const about = (item: OutboxItem) => (item.input as { relationshipId?: string }).relationshipId === scope.relationshipId;
    void (async () => {
      const next: WaitingReflections = { added: [], changed: new Map(), removed: new Set() };
      for (const item of mine) {
        if (item.path === "reflections.add" && about(item)) {
          const input = item.input as OutboxItem<"reflections.add">["input"];
          next.added.push({ key: item.key, meetingId: input.meetingId ?? null, createdAt: new Date(item.createdAt), text: await open(input.sealed), problem: item.problem });
        } else if (item.path === "reflections.update" && about(item)) {
          const input = item.input as OutboxItem<"reflections.update">["input"];
          next.changed.set(input.reflectionId, await open(input.sealed));
        } else if (item.path === "reflections.remove") {
          next.removed.add((item.input as OutboxItem<"reflections.remove">["input"]).reflectionId);
        }
      }
      if (!stale) setWaiting(next);
    })();
    return () => {
      stale = true;
    };
  }, [items, unlocked, scope.relationshipId]);
  return waiting;
}
