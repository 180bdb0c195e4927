// My matches as the API returns them, named once for the screens that show them.
import type { RouterOutputs } from "../../lib/api-types";

export type Organisation = RouterOutputs["matching"]["mine"][number];
export type Match = Organisation["relationships"][number] & {
  organisationId: string;
  organisationName: string;
};
export type Group = Organisation["groups"][number] & { organisationId: string };
export type Enrolment = RouterOutputs["enrolment"]["mine"][number];

/** Which confirmation or form is open: only one at a time, so its field ids are unique on the page. */
export type Open = { kind: "no-fault" | "end-trial"; relationshipId: string } | null;
