// A passkey as a way to unlock the reflection key (decision 017), with the WebAuthn PRF extension:
// the passkey gives the browser 32 secret bytes for a salt (the same bytes each time, for that
// passkey and salt, and only after the person verifies themselves on the device); HKDF turns them
// into an AES-GCM wrapping key. The server keeps the wrapped copy, the credential's id and the salt,
// and never sees the bytes. No assertion is checked by the server: nothing here signs anyone in.
import { fromBase64, toBase64 } from "./reflection-crypto";

export interface PasskeySlotInput {
  credentialId: string;
  prfSalt: string;
  wrappedKey: string;
  iv: string;
  keyVersion: number;
  label: string;
}

export interface StoredPasskey {
  credentialId: string;
  prfSalt: string;
  wrappedKey: string;
  iv: string;
}

/** Why a passkey could not be used: words for the person. */
export class PasskeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PasskeyError";
  }
}

const subtle = () => globalThis.crypto.subtle;
const random = (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n));

export function toBase64Url(bytes: ArrayBuffer | Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const padded = text.replace(/-/g, "+").replace(/_/g, "/");
  return fromBase64(padded + "=".repeat((4 - (padded.length % 4)) % 4));
}

/** Whether this browser can make and use passkeys at all (PRF support shows only when one is made). */
export function passkeysAvailable(): boolean {
  return typeof window !== "undefined" && window.isSecureContext && typeof window.PublicKeyCredential === "function" && Boolean(navigator.credentials);
}

async function wrappingKey(prfOutput: BufferSource): Promise<CryptoKey> {
  const material = await subtle().importKey("raw", prfOutput, "HKDF", false, ["deriveKey"]);
  return subtle().deriveKey(
    { name: "HKDF", hash: "SHA-256", salt: new Uint8Array(32), info: new TextEncoder().encode("tandem-reflections-passkey:v1") },
    material,
    { name: "AES-GCM", length: 256 },
    false,
    ["wrapKey", "unwrapKey"],
  );
}

type PrfResults = { enabled?: boolean; results?: { first?: BufferSource } };
const prfOf = (credential: PublicKeyCredential) => (credential.getClientExtensionResults() as { prf?: PrfResults }).prf;

function failed(error: unknown): never {
  if (error instanceof PasskeyError) throw error;
  const name = error instanceof DOMException ? error.name : "";
  if (name === "NotAllowedError" || name === "AbortError") throw new PasskeyError("The passkey was not used. Try again, or use your passphrase.");
  if (name === "InvalidStateError") throw new PasskeyError("That passkey is already set up here. Choose another, or remove it first.");
  throw new PasskeyError("This device could not use a passkey. Use your passphrase instead.");
}

/**
 * Makes a passkey on this device and wraps the person's key (extractable, just unwrapped from what
 * they typed) under its PRF output. Returns what the server keeps.
 */
export async function createPasskeySlot(options: {
  extractableKey: CryptoKey;
  keyVersion: number;
  label: string;
  person: { id: string; email: string; name: string };
}): Promise<PasskeySlotInput> {
  const salt = random(32);
  try {
    const created = (await navigator.credentials.create({
      publicKey: {
        rp: { name: "Tandem" },
        user: { id: new TextEncoder().encode(options.person.id), name: options.person.email, displayName: options.person.name },
        challenge: random(32),
        pubKeyCredParams: [
          { type: "public-key", alg: -7 },
          { type: "public-key", alg: -257 },
        ],
        authenticatorSelection: { residentKey: "preferred", userVerification: "required" },
        timeout: 120_000,
        extensions: { prf: { eval: { first: salt } } } as AuthenticationExtensionsClientInputs,
      },
    })) as PublicKeyCredential | null;
    if (!created) throw new PasskeyError("The passkey was not made. Try again.");
    const prf = prfOf(created);
    if (!prf?.enabled) throw new PasskeyError("This passkey cannot unlock reflections (it does not support the PRF extension). Your passphrase still works.");
    // Some authenticators give the PRF output only when the passkey is used, not when it is made.
    const output = prf.results?.first ?? (await evaluate([{ credentialId: toBase64Url(created.rawId), prfSalt: toBase64(salt) }])).output;
    const iv = random(12);
    const wrapped = await subtle().wrapKey("raw", options.extractableKey, await wrappingKey(output), { name: "AES-GCM", iv });
    return { credentialId: toBase64Url(created.rawId), prfSalt: toBase64(salt), wrappedKey: toBase64(wrapped), iv: toBase64(iv), keyVersion: options.keyVersion, label: options.label };
  } catch (error) {
    failed(error);
  }
}

/** Asks for one of these passkeys and returns which one answered, with its PRF output. */
async function evaluate(passkeys: Pick<StoredPasskey, "credentialId" | "prfSalt">[]): Promise<{ credentialId: string; output: BufferSource }> {
  const evalByCredential = Object.fromEntries(passkeys.map((p) => [p.credentialId, { first: fromBase64(p.prfSalt) }]));
  const assertion = (await navigator.credentials.get({
    publicKey: {
      challenge: random(32),
      allowCredentials: passkeys.map((p) => ({ type: "public-key" as const, id: fromBase64Url(p.credentialId) })),
      userVerification: "required",
      timeout: 120_000,
      extensions: { prf: { evalByCredential } } as AuthenticationExtensionsClientInputs,
    },
  })) as PublicKeyCredential | null;
  if (!assertion) throw new PasskeyError("The passkey was not used. Try again, or use your passphrase.");
  const output = prfOf(assertion)?.results?.first;
  if (!output) throw new PasskeyError("This passkey cannot unlock reflections on this device. Use your passphrase instead.");
  return { credentialId: toBase64Url(assertion.rawId), output };
}

/** Unlocks the key with whichever of the person's passkeys they use: non-extractable, for this page. */
export async function unlockWithPasskey(passkeys: StoredPasskey[]): Promise<CryptoKey> {
  try {
    const { credentialId, output } = await evaluate(passkeys);
    const slot = passkeys.find((p) => p.credentialId === credentialId);
    if (!slot) throw new PasskeyError("That passkey does not unlock your reflections. Use your passphrase instead.");
    return await subtle()
      .unwrapKey("raw", fromBase64(slot.wrappedKey), await wrappingKey(output), { name: "AES-GCM", iv: fromBase64(slot.iv) }, { name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"])
      .catch(() => {
        throw new PasskeyError("That passkey no longer unlocks your reflections. Use your passphrase, then set the passkey up again.");
      });
  } catch (error) {
    failed(error);
  }
}
