// Relationships after the match: members' own procedures, and the coordinator's view.
import { router } from "../../trpc";
import { detailForCoordinator, listForScheme } from "./coordinator";
import * as member from "./member";

export const relationshipsRouter = router({
  mine: member.mine,
  get: member.get,
  pause: member.pause,
  resume: member.resume,
  withdraw: member.withdraw,
  proposeMeeting: member.proposeMeetingTimes,
  pickTime: member.pickTime,
  suggestOtherTimes: member.suggestOtherTimes,
  reschedule: member.reschedule,
  cancelMeeting: member.cancel,
  setFinalMeeting: member.setFinal,
  recordMeeting: member.record,
  recordAttendance: member.attendance,
  addAction: member.addAgreedAction,
  updateAction: member.updateAgreedAction,
  removeAction: member.removeAgreedAction,
  saveNotes: member.saveMeetingNotes,
  meetingCalendar: member.calendarEntry,
  forScheme: listForScheme,
  forCoordinator: detailForCoordinator,
});
