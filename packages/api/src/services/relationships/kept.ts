// What the pair keep, within the scheme's notes policy (SPEC section 4): agreed actions
// (`actions_only` and `shared_notes`) and shared notes per meeting (`shared_notes`); `none` keeps
// neither (private reflections only). Only the relationship's members read or write them: the
// procedures check it, and row-level security on the members holds it underneath.
import type { NotesPolicy } from "@tandem/core";
import { and, asc, eq } from "drizzle-orm";
import { agreedActions, meetingNotes, meetings, type Tx } from "@tandem/db";
import { AppError } from "../../errors";
import type { RelationshipInHand } from "./load";

interface Action {
  organisationId: string;
  hand: RelationshipInHand;
  now: Date;
}

const refusals: Record<NotesPolicy, string | null> = {
  none: "This scheme keeps no shared notes or agreed actions: anything you write down stays in your own private reflections",
  actions_only: null,
  shared_notes: null,
};

function assertActionsAllowed(hand: RelationshipInHand) {
  const refusal = refusals[hand.rules.notes.policy];
  if (refusal) throw new AppError("FORBIDDEN", refusal);
}

function assertNotesAllowed(hand: RelationshipInHand) {
  assertActionsAllowed(hand);
  if (hand.rules.notes.policy !== "shared_notes") {
    throw new AppError("FORBIDDEN", "This scheme records agreed actions only, not notes: anything else you write down stays in your own private reflections");
  }
}

function assertOpen(hand: RelationshipInHand) {
  if (hand.relationship.status !== "active" && hand.relationship.status !== "paused") throw new AppError("CONFLICT", "This relationship has ended: what you kept can be read, not changed");
}

function assertOwner(hand: RelationshipInHand, ownerPersonId: string | null | undefined) {
  if (ownerPersonId && !hand.members.some((m) => m.personId === ownerPersonId && m.leftAt === null)) {
    throw new AppError("BAD_REQUEST", "Choose someone in this relationship to do it", { ownerPersonId: ["Choose someone in this relationship to do it"] });
  }
}

async function assertMeetingHere(tx: Tx, action: Action, meetingId: string | null | undefined) {
  if (!meetingId) return;
  const [m] = await tx
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.organisationId, action.organisationId), eq(meetings.id, meetingId), eq(meetings.relationshipId, action.hand.relationship.id)));
  if (!m) throw new AppError("NOT_FOUND", "That meeting is not in this relationship");
}

export async function listActions(tx: Tx, options: { organisationId: string; relationshipId: string }) {
  return tx
    .select()
    .from(agreedActions)
    .where(and(eq(agreedActions.organisationId, options.organisationId), eq(agreedActions.relationshipId, options.relationshipId)))
    .orderBy(asc(agreedActions.createdAt));
}

export async function listNotes(tx: Tx, options: { organisationId: string; relationshipId: string }) {
  return tx
    .select()
    .from(meetingNotes)
    .where(and(eq(meetingNotes.organisationId, options.organisationId), eq(meetingNotes.relationshipId, options.relationshipId)));
}

export async function addAction(tx: Tx, action: Action & { text: string; ownerPersonId?: string | null; dueOn?: string | null; meetingId?: string | null }) {
  const { hand } = action;
  assertActionsAllowed(hand);
  assertOpen(hand);
  assertOwner(hand, action.ownerPersonId);
  await assertMeetingHere(tx, action, action.meetingId);
  const [row] = await tx
    .insert(agreedActions)
    .values({
      organisationId: action.organisationId,
      relationshipId: hand.relationship.id,
      meetingId: action.meetingId ?? null,
      text: action.text,
      ownerPersonId: action.ownerPersonId ?? null,
      dueOn: action.dueOn ?? null,
      createdByPersonId: hand.me.personId,
      createdAt: action.now,
      updatedAt: action.now,
    })
    .returning({ id: agreedActions.id });
  return { actionId: row!.id };
}

export async function updateAction(
  tx: Tx,
  action: Action & { actionId: string; text?: string; ownerPersonId?: string | null; dueOn?: string | null; done?: boolean },
) {
  const { hand } = action;
  assertActionsAllowed(hand);
  assertOpen(hand);
  assertOwner(hand, action.ownerPersonId);
  const changes = {
    ...(action.text !== undefined ? { text: action.text } : {}),
    ...(action.ownerPersonId !== undefined ? { ownerPersonId: action.ownerPersonId } : {}),
    ...(action.dueOn !== undefined ? { dueOn: action.dueOn } : {}),
    ...(action.done !== undefined ? { doneAt: action.done ? action.now : null } : {}),
    updatedAt: action.now,
  };
  const updated = await tx
    .update(agreedActions)
    .set(changes)
    .where(and(eq(agreedActions.organisationId, action.organisationId), eq(agreedActions.id, action.actionId), eq(agreedActions.relationshipId, hand.relationship.id)))
    .returning({ id: agreedActions.id });
  if (updated.length === 0) throw new AppError("NOT_FOUND", "That action is not in this relationship");
  return { ok: true as const };
}

export async function removeAction(tx: Tx, action: Action & { actionId: string }) {
  const { hand } = action;
  assertActionsAllowed(hand);
  assertOpen(hand);
  const removed = await tx
    .delete(agreedActions)
    .where(and(eq(agreedActions.organisationId, action.organisationId), eq(agreedActions.id, action.actionId), eq(agreedActions.relationshipId, hand.relationship.id)))
    .returning({ id: agreedActions.id });
  if (removed.length === 0) throw new AppError("NOT_FOUND", "That action is not in this relationship");
  return { ok: true as const };
}

/** Saves a meeting's shared notes (an empty text removes them). */
export async function saveNotes(tx: Tx, action: Action & { meetingId: string; text: string }) {
  const { hand } = action;
  assertNotesAllowed(hand);
  assertOpen(hand);
  await assertMeetingHere(tx, action, action.meetingId);
  const key = and(eq(meetingNotes.organisationId, action.organisationId), eq(meetingNotes.meetingId, action.meetingId));
  if (action.text === "") {
    await tx.delete(meetingNotes).where(key);
    return { ok: true as const };
  }
  await tx
    .insert(meetingNotes)
    .values({ organisationId: action.organisationId, meetingId: action.meetingId, relationshipId: hand.relationship.id, text: action.text, updatedByPersonId: hand.me.personId, updatedAt: action.now })
    .onConflictDoUpdate({ target: [meetingNotes.organisationId, meetingNotes.meetingId], set: { text: action.text, updatedByPersonId: hand.me.personId, updatedAt: action.now } });
  return { ok: true as const };
}
