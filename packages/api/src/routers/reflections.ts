// Private reflections (decision 017): participant procedures. The server takes and returns only
// ciphertext, IVs, salts and key versions; what a reflection says never reaches it.
import { withPerson } from "@tandem/db";
import { z } from "zod";
import { Id, Ok, Timestamp, Uuid } from "../schemas";
import { addPasskey, removePasskey } from "../services/reflection-passkeys";
import { addReflection, keyStatus, listReflections, myReflections, removeReflection, rewrapKey, setUpKey, updateReflection } from "../services/reflections";
import { participantProcedure, participantWrite, relationshipWrite, router, signedInProcedure } from "../trpc";

/** Standard base64 of at most `max` characters (`what` names it in the message). */
const Base64 = (what: string, max: number) =>
  z
    .string({ required_error: `${what} is missing`, invalid_type_error: `${what} must be base64 text` })
    .min(4, `${what} is too short`)
    .max(max, `${what} is too long`)
    .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, `${what} must be base64 text`);

/** PBKDF2-SHA-256 iterations: OWASP's 600,000 at the least. */
const Iterations = z
  .number({ required_error: "Give the key derivation's iteration count", invalid_type_error: "The iteration count must be a number" })
  .int("The iteration count must be a whole number")
  .min(600_000, "Use at least 600,000 iterations")
  .max(10_000_000, "Use at most 10,000,000 iterations");

const WrappedKey = z.object({
  wrappedKey: Base64("The wrapped key", 128),
  iv: Base64("The wrapping IV", 24),
  salt: Base64("The salt", 64),
  iterations: Iterations,
});

const KeyVersion = z.number({ required_error: "Give the key version", invalid_type_error: "The key version must be a number" }).int("The key version must be a whole number").min(1, "The key version starts at 1");

/** Ciphertext of up to about 20,000 characters of text (UTF-8, AES-GCM tag), in base64. */
const Sealed = z.object({
  ciphertext: Base64("The reflection", 120_000),
  iv: Base64("The reflection's IV", 24),
  keyVersion: KeyVersion,
});

const RelationshipRef = z.object({ relationshipId: Id("a relationship") });
const ReflectionRef = z.object({ reflectionId: Id("a reflection") });

/** base64url, as WebAuthn gives a credential's id (at most 1,023 bytes). */
const CredentialId = z
  .string({ required_error: "Give the passkey's credential id", invalid_type_error: "The credential id must be base64url text" })
  .min(16, "The credential id is too short")
  .max(1366, "The credential id is too long")
  .regex(/^[A-Za-z0-9_-]+$/, "The credential id must be base64url text");

const PasskeySlot = z.object({
  credentialId: CredentialId,
  prfSalt: Base64("The PRF salt", 44),
  wrappedKey: Base64("The wrapped key", 128),
  iv: Base64("The wrapping IV", 24),
  keyVersion: KeyVersion,
  label: z
    .string({ required_error: "Give the passkey a name", invalid_type_error: "The passkey's name must be text" })
    .trim()
    .min(1, "Give the passkey a name, for example My phone")
    .max(60, "Give the passkey a name of at most 60 characters"),
});

const PasskeyOutput = z.object({ id: Uuid, credentialId: z.string(), prfSalt: z.string(), wrappedKey: z.string(), iv: z.string(), label: z.string(), createdAt: Timestamp });

const KeyStatusOutput = z.discriminatedUnion("set", [
  z.object({ set: z.literal(false) }),
  z.object({ set: z.literal(true), keyVersion: z.number().int(), passphrase: WrappedKey, recovery: WrappedKey, passkeys: z.array(PasskeyOutput) }),
]);

const ReflectionOutput = z.object({
  id: Uuid,
  relationshipId: Uuid,
  meetingId: Uuid.nullable(),
  ciphertext: z.string(),
  iv: z.string(),
  keyVersion: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

/** One of the caller's reflections anywhere, with where it was written: still ciphertext only. */
const MyReflectionOutput = ReflectionOutput.extend({
  organisationId: Uuid,
  organisationName: z.string(),
  schemeName: z.string(),
  meetingStartsAt: Timestamp.nullable(),
});

export const reflectionsRouter = router({
  keyStatus: signedInProcedure.output(KeyStatusOutput).query(({ ctx }) => withPerson(ctx.db, ctx.person.id, (tx) => keyStatus(tx, ctx.person.id))),
  setUpKey: signedInProcedure
    .input(z.object({ passphrase: WrappedKey, recovery: WrappedKey }))
    .output(z.object({ keyVersion: z.number().int() }))
    .mutation(({ ctx, input }) => withPerson(ctx.db, ctx.person.id, (tx) => setUpKey(tx, { personId: ctx.person.id, ...input, now: ctx.now() }))),
  rewrap: signedInProcedure
    .input(z.object({ keyVersion: KeyVersion, passphrase: WrappedKey, recovery: WrappedKey.optional() }))
    .output(Ok)
    .mutation(({ ctx, input }) => withPerson(ctx.db, ctx.person.id, (tx) => rewrapKey(tx, { personId: ctx.person.id, ...input, now: ctx.now() }))),
  /** A passkey (WebAuthn PRF) that unlocks the key: its wrapped copy, made in the browser. */
  addPasskey: signedInProcedure
    .input(PasskeySlot)
    .output(z.object({ passkeyId: Uuid }))
    .mutation(({ ctx, input }) => withPerson(ctx.db, ctx.person.id, (tx) => addPasskey(tx, { personId: ctx.person.id, slot: input, now: ctx.now() }))),
  removePasskey: signedInProcedure
    .input(z.object({ passkeyId: Id("a passkey") }))
    .output(Ok)
    .mutation(({ ctx, input }) => withPerson(ctx.db, ctx.person.id, (tx) => removePasskey(tx, { personId: ctx.person.id, passkeyId: input.passkeyId }))),
  list: participantProcedure
    .input(RelationshipRef)
    .output(z.array(ReflectionOutput))
    .query(({ ctx, input }) => listReflections(ctx.tx, { organisationId: ctx.organisationId, personId: ctx.person.id, relationshipId: input.relationshipId })),
  /** Every reflection the caller wrote, across their organisations (for the CPD record). */
  mine: signedInProcedure
    .input(z.void({ invalid_type_error: "Your reflections take no input: leave it out" }))
    .output(z.array(MyReflectionOutput))
    .query(({ ctx }) => myReflections(ctx.db, { personId: ctx.person.id })),
  add: relationshipWrite
    .input(z.object({ meetingId: Id("a meeting").nullish(), sealed: Sealed }))
    .output(z.object({ reflectionId: Uuid }))
    .mutation(({ ctx, input }) => addReflection(ctx.tx, { organisationId: ctx.organisationId, hand: ctx.hand, meetingId: input.meetingId, sealed: input.sealed, now: ctx.now() })),
  update: relationshipWrite
    .input(ReflectionRef.extend({ sealed: Sealed }))
    .output(Ok)
    .mutation(({ ctx, input }) => updateReflection(ctx.tx, { organisationId: ctx.organisationId, hand: ctx.hand, reflectionId: input.reflectionId, sealed: input.sealed, now: ctx.now() })),
  remove: participantWrite
    .input(ReflectionRef)
    .output(Ok)
    .mutation(({ ctx, input }) => removeReflection(ctx.tx, { organisationId: ctx.organisationId, personId: ctx.person.id, reflectionId: input.reflectionId })),
});
