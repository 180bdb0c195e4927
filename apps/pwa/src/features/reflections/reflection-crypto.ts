// The browser's side of private reflections (decision 017). The person's data key (AES-GCM 256) is
// made here, extractable only for the moment it is wrapped: once by a key derived from their
// passphrase, once by a key derived from a one-time recovery code (PBKDF2-SHA-256, 600,000
// iterations, a random salt each). Unwrapped on a device it is a non-extractable CryptoKey. Each
// reflection is encrypted with a fresh 12-byte IV and bound (additional data) to its relationship,
// so a server that swapped ciphertexts between relationships would be caught on decryption.

export const pbkdf2Iterations = 600_000;

export interface WrappedKey {
  wrappedKey: string;
  iv: string;
  salt: string;
  iterations: number;
}

export interface Sealed {
  ciphertext: string;
  iv: string;
  keyVersion: number;
}

export class WrongSecretError extends Error {
  constructor(what: "passphrase" | "recovery code") {
    super(what === "passphrase" ? "That passphrase does not unlock your reflections" : "That recovery code does not unlock your reflections");
    this.name = "WrongSecretError";
  }
}

export class UnreadableReflectionError extends Error {
  constructor() {
    super("This reflection cannot be read with your key");
    this.name = "UnreadableReflectionError";
  }
}

const subtle = () => globalThis.crypto.subtle;
const random = (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n));

export function toBase64(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let binary = "";
  for (const byte of view) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// Crockford base32: no I, L, O or U, so a code read aloud or copied by hand is hard to get wrong.
const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** 25 random Crockford base32 characters (125 bits) in five groups of five. */
export function newRecoveryCode(): string {
  const chars = [...random(25)].map((b) => crockford[b & 31]);
  return [0, 5, 10, 15, 20].map((i) => chars.slice(i, i + 5).join("")).join("-");
}

/** The code as typed: case, spaces and dashes do not matter; O is 0 and I or L is 1, as Crockford reads them. */
export function normaliseRecoveryCode(typed: string): string {
  const plain = typed.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  return plain.match(/.{1,5}/g)?.join("-") ?? "";
}

async function keyEncryptionKey(secret: string, salt: Uint8Array<ArrayBuffer>, iterations: number) {
  const material = await subtle().importKey("raw", new TextEncoder().encode(secret), "PBKDF2", false, ["deriveKey"]);
  return subtle().deriveKey({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, material, { name: "AES-GCM", length: 256 }, false, ["wrapKey", "unwrapKey"]);
}

async function wrap(key: CryptoKey, secret: string): Promise<WrappedKey> {
  const salt = random(16);
  const iv = random(12);
  const kek = await keyEncryptionKey(secret, salt, pbkdf2Iterations);
  const wrapped = await subtle().wrapKey("raw", key, kek, { name: "AES-GCM", iv });
  return { wrappedKey: toBase64(wrapped), iv: toBase64(iv), salt: toBase64(salt), iterations: pbkdf2Iterations };
}

async function unwrapWith(wrapped: WrappedKey, secret: string, what: "passphrase" | "recovery code", extractable: boolean): Promise<CryptoKey> {
  const kek = await keyEncryptionKey(secret, fromBase64(wrapped.salt), wrapped.iterations);
  try {
    return await subtle().unwrapKey("raw", fromBase64(wrapped.wrappedKey), kek, { name: "AES-GCM", iv: fromBase64(wrapped.iv) }, { name: "AES-GCM", length: 256 }, extractable, [
      "encrypt",
      "decrypt",
    ]);
  } catch {
    throw new WrongSecretError(what);
  }
}

/** Unwraps as a non-extractable key: script on the page can use it, never read it out. */
export function unwrapKey(wrapped: WrappedKey, secret: string, what: "passphrase" | "recovery code"): Promise<CryptoKey> {
  return unwrapWith(wrapped, secret, what, false);
}

/**
 * The key, extractable, for the moment of wrapping it again (a new passphrase, a passkey's copy),
 * from what the person just typed: their passphrase, or failing that their recovery code.
 */
export async function unwrapForRewrap(status: { passphrase: WrappedKey; recovery: WrappedKey }, typed: string): Promise<CryptoKey> {
  try {
    return await unwrapWith(status.passphrase, typed, "passphrase", true);
  } catch (e) {
    const code = normaliseRecoveryCode(typed);
    if (!(e instanceof WrongSecretError) || code.length !== 29) throw e;
    return unwrapWith(status.recovery, code, "recovery code", true).catch(() => {
      throw new WrongSecretError("passphrase");
    });
  }
}

/**
 * A new person key, wrapped by the passphrase and by a fresh recovery code (shown once). The
 * returned key is the non-extractable copy, unwrapped again, for this device.
 */
export async function createPersonKey(passphrase: string) {
  const extractable = await subtle().generateKey({ name: "AES-GCM", length: 256 }, true, ["encrypt", "decrypt"]);
  const recoveryCode = newRecoveryCode();
  const passphraseWrap = await wrap(extractable, passphrase);
  const recoveryWrap = await wrap(extractable, recoveryCode);
  const key = await unwrapKey(passphraseWrap, passphrase, "passphrase");
  return { key, recoveryCode, passphrase: passphraseWrap, recovery: recoveryWrap };
}

/** A new passphrase for the same key (nothing is re-encrypted). */
export function rewrapWithPassphrase(extractable: CryptoKey, newPassphrase: string): Promise<WrappedKey> {
  return wrap(extractable, newPassphrase);
}

const additionalData = (relationshipId: string) => new TextEncoder().encode(`tandem-reflection:v1:${relationshipId}`);

export async function sealReflection(key: CryptoKey, keyVersion: number, relationshipId: string, text: string): Promise<Sealed> {
  const iv = random(12);
  const ciphertext = await subtle().encrypt({ name: "AES-GCM", iv, additionalData: additionalData(relationshipId) }, key, new TextEncoder().encode(text));
  return { ciphertext: toBase64(ciphertext), iv: toBase64(iv), keyVersion };
}

export async function openReflection(key: CryptoKey, relationshipId: string, sealed: { ciphertext: string; iv: string }): Promise<string> {
  try {
    const plain = await subtle().decrypt({ name: "AES-GCM", iv: fromBase64(sealed.iv), additionalData: additionalData(relationshipId) }, key, fromBase64(sealed.ciphertext));
    return new TextDecoder().decode(plain);
  } catch {
    throw new UnreadableReflectionError();
  }
}
