// Password hashing with argon2id, behind a concurrency gate so sign-in floods cannot saturate the CPU.
import { hash, verify } from "@node-rs/argon2";
import { AppError } from "../errors";

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

const maxConcurrent = 2;
const maxQueued = 16;
let running = 0;
const waiting: (() => void)[] = [];

async function gated<T>(work: () => Promise<T>): Promise<T> {
  if (running >= maxConcurrent) {
    if (waiting.length >= maxQueued) {
      throw new AppError("TOO_MANY_REQUESTS", "The service is busy. Wait a minute and try again.");
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

export function hashPassword(password: string): Promise<string> {
  return gated(() => hash(password, options));
}

/** A hash of nothing, verified when the account does not exist so timing does not reveal it. */
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (storedHash === null) {
    dummyHash ??= hash("tandem-no-such-account", options);
    await gated(async () => verify(await dummyHash!, password));
    return false;
  }
  return gated(() => verify(storedHash, password));
}
