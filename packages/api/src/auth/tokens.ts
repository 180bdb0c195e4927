// Random tokens and their hashes (Lucia's guide): 160 bits of entropy, base32 for URLs and cookies.
import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";

export function generateSecret(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function hashSecret(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(secret));
}

export function hashSecretHex(secret: string): string {
  return encodeHexLowerCase(hashSecret(secret));
}

export function secretMatches(secret: string, expectedHash: Uint8Array): boolean {
  const actual = hashSecret(secret);
  return actual.byteLength === expectedHash.byteLength && constantTimeEqual(actual, expectedHash);
}
