import { describe, expect, it } from "vitest";
import {
  describeEnrolmentRole,
  describeJoined,
  describeStatus,
  isLive,
  statusColour,
} from "./enrolment-words";

describe("enrolment words", () => {
  it("says each status in plain English", () => {
    expect(describeStatus("active")).toBe("Taking part");
    expect(describeStatus("requested")).toBe("Waiting for the coordinator");
    expect(describeStatus("waiting")).toBe("On the waiting list");
    expect(describeStatus("declined")).toBe("Not accepted");
    expect(describeStatus("withdrawn")).toBe("Withdrawn");
  });

  it("reads an unknown status from a newer server as words, in grey", () => {
    expect(describeStatus("on_hold")).toBe("On hold");
    expect(statusColour("on_hold")).toBe("grey");
  });

  it("names roles and what joining led to", () => {
    expect(["mentee", "mentor", "peer"].map(describeEnrolmentRole)).toEqual([
      "Mentee",
      "Mentor",
      "Peer",
    ]);
    expect(describeJoined("active")).toBe("You have joined");
    expect(describeJoined("requested")).toBe("Request sent");
    expect(describeJoined("waiting")).toBe("You are on the waiting list");
  });

  it("lets people withdraw only from live enrolments", () => {
    expect(["active", "requested", "waiting"].every(isLive)).toBe(true);
    expect(isLive("declined")).toBe(false);
    expect(isLive("withdrawn")).toBe(false);
  });
});
