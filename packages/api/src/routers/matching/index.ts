// Matching: the coordinator's console and the participants' side (choose, answer, end, profile).
import { router } from "../../trpc";
import { askForNoFaultChange, endMatchAfterTrial, respondToMentorRequest } from "./answer";
import { cancelMentorRequest, mentorPool, requestMentor } from "./choose";
import { confirmMatchRun, matchRun, overview, relationshipsOfScheme, setMatchConstraint, startMatchRun, swapProposedMentors } from "./console";
import { myMatchesEverywhere } from "./mine";
import { myMatchingProfile, updateMatchingProfile } from "./profile";

export const matchingRouter = router({
  overview,
  startRun: startMatchRun,
  run: matchRun,
  setConstraint: setMatchConstraint,
  swap: swapProposedMentors,
  confirm: confirmMatchRun,
  relationships: relationshipsOfScheme,
  pool: mentorPool,
  request: requestMentor,
  cancelRequest: cancelMentorRequest,
  respond: respondToMentorRequest,
  noFaultChange: askForNoFaultChange,
  endAfterTrial: endMatchAfterTrial,
  myProfile: myMatchingProfile,
  mine: myMatchesEverywhere,
  updateProfile: updateMatchingProfile,
});
