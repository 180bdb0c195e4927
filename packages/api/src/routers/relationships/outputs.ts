// What the relationship procedures return. Members' outputs carry what the pair keep; the
// coordinator's carry dates and counts only (a test walks these schemas for content fields).
import { meetingKinds, meetingModes, meetingStatuses, notesPolicies } from "@tandem/core";
import { closedReasons, relationshipKinds, relationshipMemberRoles, relationshipStatuses } from "@tandem/db";
import { z } from "zod";
import { DateOnly, Timestamp, Uuid } from "../../schemas";

const Kind = z.enum(relationshipKinds);
const Status = z.enum(relationshipStatuses);
const Role = z.enum(relationshipMemberRoles);

const Plan = z.object({
  held: z.number(),
  scheduled: z.number(),
  proposed: z.number(),
  counted: z.number(),
  max: z.number().nullable(),
  capReached: z.boolean(),
  nextKind: z.enum(meetingKinds).nullable(),
  lastHeldAt: Timestamp.nullable(),
  nextMeetingAt: Timestamp.nullable(),
  nextDueAt: Timestamp.nullable(),
  contractHeld: z.boolean(),
  finished: z.boolean(),
  canEndAfterTrial: z.boolean(),
  endsBy: Timestamp.nullable(),
  whyNoMore: z.string().nullable(),
});

const ProposedTime = z.object({ startsAt: Timestamp, minutes: z.number(), mode: z.enum(meetingModes), place: z.string().nullable(), link: z.string().nullable() });

export const RelationshipDetailOutput = z.object({
  id: Uuid,
  organisationId: Uuid,
  scheme: z.object({ id: Uuid, name: z.string() }),
  kind: Kind,
  status: Status,
  closedReason: z.enum(closedReasons).nullable(),
  startedAt: Timestamp.nullable(),
  endedAt: Timestamp.nullable(),
  pausedAt: Timestamp.nullable(),
  resumeOn: DateOnly.nullable(),
  rulesVersion: z.number(),
  myRole: Role,
  members: z.array(
    z.object({
      personId: Uuid,
      name: z.string(),
      email: z.string(),
      role: Role,
      you: z.boolean(),
      left: z.boolean(),
      availability: z.array(z.string()),
      unavailable: z.array(z.string()),
    }),
  ),
  rules: z.object({
    cadenceWeeks: z.number(),
    max: z.number().nullable(),
    minutes: z.object({ min: z.number(), max: z.number() }),
    modes: z.array(z.enum(meetingModes)),
    firstIsContract: z.boolean(),
    lastIsReview: z.boolean(),
    trialMeeting: z.boolean(),
    maxMonths: z.number().nullable(),
    notesPolicy: z.enum(notesPolicies),
    firstContact: z.enum(["mentee", "mentor"]),
  }),
  canArrange: z.boolean(),
  promptFirstMeeting: z.boolean(),
  plan: Plan,
  guides: z.object({ contract: z.string(), regular: z.string(), review: z.string() }),
  meetings: z.array(
    z.object({
      id: Uuid,
      kind: z.enum(meetingKinds),
      status: z.enum(meetingStatuses),
      startsAt: Timestamp.nullable(),
      minutes: z.number(),
      heldMinutes: z.number().nullable(),
      mode: z.enum(meetingModes),
      place: z.string().nullable(),
      link: z.string().nullable(),
      final: z.boolean(),
      sequence: z.number(),
      proposedTimes: z.array(ProposedTime),
      proposedByYou: z.boolean(),
      proposedByName: z.string().nullable(),
      awaitingMyPick: z.boolean(),
      speakerPersonIds: z.array(Uuid),
      attendance: z.array(z.object({ personId: Uuid, attended: z.boolean() })),
      notes: z.object({ text: z.string(), updatedAt: Timestamp, updatedByName: z.string().nullable() }).nullable(),
    }),
  ),
  actions: z
    .array(z.object({ id: Uuid, text: z.string(), ownerPersonId: Uuid.nullable(), ownerName: z.string().nullable(), dueOn: DateOnly.nullable(), done: z.boolean(), meetingId: Uuid.nullable() }))
    .nullable(),
  notesAllowed: z.boolean(),
});

export const MyRelationshipsOutput = z.array(
  z.object({
    id: Uuid,
    organisationId: Uuid,
    organisationName: z.string(),
    schemeId: Uuid,
    schemeName: z.string(),
    kind: Kind,
    status: Status,
    closedReason: z.enum(closedReasons).nullable(),
    myRole: Role,
    others: z.array(z.object({ name: z.string(), role: Role })),
    startedAt: Timestamp.nullable(),
    endedAt: Timestamp.nullable(),
    resumeOn: DateOnly.nullable(),
    held: z.number(),
    nextMeetingAt: Timestamp.nullable(),
    nextDueAt: Timestamp.nullable(),
    awaitingMyPick: z.boolean(),
    promptFirstMeeting: z.boolean(),
  }),
);

const CoordinatorRow = z.object({
  id: Uuid,
  schemeId: Uuid,
  kind: Kind,
  status: Status,
  closedReason: z.enum(closedReasons).nullable(),
  /** The mentee's no-fault reason: for the coordinator and the mentee, never the mentor. */
  noFaultReason: z.string().nullable(),
  startedAt: Timestamp.nullable(),
  endedAt: Timestamp.nullable(),
  resumeOn: DateOnly.nullable(),
  rulesVersion: z.number(),
  members: z.array(z.object({ name: z.string(), role: Role, left: z.boolean() })),
  meetingsHeld: z.number(),
  meetingsScheduled: z.number(),
  lastMeetingAt: Timestamp.nullable(),
  nextMeetingAt: Timestamp.nullable(),
  /** Gone quiet past the scheme's stalled weeks: a flag, with the last meeting's date above, nothing else. */
  stalled: z.boolean(),
});

export const SchemeRelationshipListOutput = z.object({
  counts: z.object({ active: z.number(), paused: z.number(), closed: z.number(), stalled: z.number() }),
  relationships: z.array(CoordinatorRow),
});

export const CoordinatorRelationshipOutput = CoordinatorRow.extend({
  meetings: z.array(
    z.object({
      id: Uuid,
      kind: z.enum(meetingKinds),
      status: z.enum(meetingStatuses),
      startsAt: Timestamp.nullable(),
      minutes: z.number(),
      mode: z.enum(meetingModes),
      attended: z.number(),
      attendanceRecorded: z.number(),
    }),
  ),
});
