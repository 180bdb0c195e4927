// A member's procedures on their relationships: see them, pause, resume or withdraw (one step, no
// reason asked), arrange and record meetings, and keep agreed actions and shared notes. The writes a
// person may make offline are `relationshipWrite`s: replayable with an idempotency key.
import {
  AgreedActionFields,
  AgreedActionRef,
  CounterProposeMeetingFields,
  MeetingAttendanceFields,
  MeetingNoteFields,
  MeetingRef,
  PauseRelationshipFields,
  PickMeetingTimeFields,
  ProposeMeetingFields,
  RecordMeetingFields,
  RescheduleMeetingFields,
  SetFinalMeetingFields,
  UpdateAgreedActionFields,
} from "@tandem/core";
import { meetingKinds, meetingStatuses } from "@tandem/core";
import { z } from "zod";
import { Ok, Uuid } from "../../schemas";
import { addAction, removeAction, saveNotes, updateAction } from "../../services/relationships/kept";
import { pauseRelationship, resumeRelationship, withdrawFromRelationship } from "../../services/relationships/lifecycle";
import {
  cancelMeeting,
  counterProposeMeeting,
  pickMeetingTime,
  proposeMeeting,
  recordAttendance,
  recordMeeting,
  rescheduleMeeting,
  setFinalMeeting,
} from "../../services/relationships/meetings";
import { meetingCalendar } from "../../services/relationships/calendar";
import { myRelationships, relationshipDetail } from "../../services/relationships/view";
import { relationshipProcedure, relationshipWrite, signedInProcedure } from "../../trpc";
import { MyRelationshipsOutput, RelationshipDetailOutput } from "./outputs";

type MemberCtx = { organisationId: string; hand: Parameters<typeof relationshipDetail>[1]["hand"]; now: () => Date; mailer: Parameters<typeof proposeMeeting>[1]["mailer"]; publicUrl: string };
const acting = (ctx: MemberCtx) => ({ organisationId: ctx.organisationId, hand: ctx.hand, now: ctx.now(), mailer: ctx.mailer, publicUrl: ctx.publicUrl });

export const mine = signedInProcedure.output(MyRelationshipsOutput).query(({ ctx }) => myRelationships(ctx.db, { personId: ctx.person.id, now: ctx.now() }));

export const get = relationshipProcedure
  .output(RelationshipDetailOutput)
  .query(({ ctx }) => relationshipDetail(ctx.tx, { organisationId: ctx.organisationId, hand: ctx.hand, now: ctx.now() }));

export const pause = relationshipProcedure
  .input(PauseRelationshipFields)
  .output(Ok)
  .mutation(({ ctx, input }) => pauseRelationship(ctx.tx, { ...acting(ctx), resumeOn: input.resumeOn }));

export const resume = relationshipProcedure.output(Ok).mutation(({ ctx }) => resumeRelationship(ctx.tx, acting(ctx)));

export const withdraw = relationshipProcedure
  .output(Ok.extend({ closed: z.boolean() }))
  .mutation(({ ctx }) => withdrawFromRelationship(ctx.tx, acting(ctx)));

export const proposeMeetingTimes = relationshipWrite
  .input(ProposeMeetingFields)
  .output(z.object({ meetingId: Uuid, kind: z.enum(meetingKinds), status: z.enum(meetingStatuses) }))
  .mutation(({ ctx, input }) => proposeMeeting(ctx.tx, { ...acting(ctx), ...input }));

export const pickTime = relationshipWrite
  .input(PickMeetingTimeFields)
  .output(Ok)
  .mutation(({ ctx, input }) => pickMeetingTime(ctx.tx, { ...acting(ctx), ...input }));

export const suggestOtherTimes = relationshipWrite
  .input(CounterProposeMeetingFields)
  .output(Ok)
  .mutation(({ ctx, input }) => counterProposeMeeting(ctx.tx, { ...acting(ctx), ...input }));

export const reschedule = relationshipWrite
  .input(RescheduleMeetingFields)
  .output(Ok)
  .mutation(({ ctx, input }) => rescheduleMeeting(ctx.tx, { ...acting(ctx), ...input }));

export const cancel = relationshipWrite
  .input(MeetingRef)
  .output(Ok)
  .mutation(({ ctx, input }) => cancelMeeting(ctx.tx, { ...acting(ctx), ...input }));

export const setFinal = relationshipWrite
  .input(SetFinalMeetingFields)
  .output(Ok)
  .mutation(({ ctx, input }) => setFinalMeeting(ctx.tx, { ...acting(ctx), ...input }));

export const record = relationshipWrite
  .input(RecordMeetingFields)
  .output(Ok.extend({ completed: z.boolean() }))
  .mutation(({ ctx, input }) => recordMeeting(ctx.tx, { ...acting(ctx), ...input }));

export const attendance = relationshipWrite
  .input(MeetingAttendanceFields)
  .output(Ok)
  .mutation(({ ctx, input }) => recordAttendance(ctx.tx, { ...acting(ctx), ...input }));

export const addAgreedAction = relationshipWrite
  .input(AgreedActionFields)
  .output(z.object({ actionId: Uuid }))
  .mutation(({ ctx, input }) => addAction(ctx.tx, { ...acting(ctx), ...input }));

export const updateAgreedAction = relationshipWrite
  .input(UpdateAgreedActionFields)
  .output(Ok)
  .mutation(({ ctx, input }) => updateAction(ctx.tx, { ...acting(ctx), ...input }));

export const removeAgreedAction = relationshipWrite
  .input(AgreedActionRef)
  .output(Ok)
  .mutation(({ ctx, input }) => removeAction(ctx.tx, { ...acting(ctx), ...input }));

export const saveMeetingNotes = relationshipWrite
  .input(MeetingNoteFields)
  .output(Ok)
  .mutation(({ ctx, input }) => saveNotes(ctx.tx, { ...acting(ctx), ...input }));

/** A meeting as an .ics file for the member's own calendar (a read: nothing changes). */
export const calendarEntry = relationshipProcedure
  .input(MeetingRef)
  .output(z.object({ filename: z.string(), contentType: z.string(), content: z.string() }))
  .query(({ ctx, input }) => meetingCalendar(ctx.tx, { organisationId: ctx.organisationId, hand: ctx.hand, meetingId: input.meetingId, publicUrl: ctx.publicUrl }));
