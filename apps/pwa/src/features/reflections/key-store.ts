// Where this device keeps the unwrapped reflections key: in this page's memory only, as a
// non-extractable CryptoKey (decision 017). It is never written to IndexedDB or any other storage, so
// closing or reloading the tab locks the reflections again; signing out forgets it at once.
import { useSyncExternalStore } from "react";

export interface UnlockedKey {
  personId: string;
  key: CryptoKey;
  keyVersion: number;
}

let current: UnlockedKey | null = null;
const listeners = new Set<() => void>();

function notify() {
  for (const listener of listeners) listener();
}

export function keepReflectionKey(unlocked: UnlockedKey) {
  current = unlocked;
  notify();
}

/** Locks the reflections on this device (sign-out calls this). */
export function forgetReflectionKey() {
  current = null;
  notify();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The key unlocked on this device for this person, or null. */
export function useReflectionKey(personId: string): UnlockedKey | null {
  const unlocked = useSyncExternalStore(subscribe, () => current, () => null);
  return unlocked && unlocked.personId === personId ? unlocked : null;
}
