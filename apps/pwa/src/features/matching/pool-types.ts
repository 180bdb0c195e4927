// The pool as the API returns it, named once for the screens that show it.
import type { RouterOutputs } from "../../lib/api-types";

export type Pool = RouterOutputs["matching"]["pool"];
export type Mentor = Pool["mentors"][number];
