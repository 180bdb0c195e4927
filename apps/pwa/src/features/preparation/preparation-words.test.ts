import { describe, expect, it } from "vitest";
import {
  describeDecision,
  describeEventKind,
  describeHours,
  describePlacesLeft,
  describeRecord,
  eventAction,
  evidenceHref,
  formatDate,
  formatInstant,
} from "./preparation-words";

describe("records", () => {
  it("says whether the coordinator has verified a record", () => {
    expect(describeRecord({ verifiedOn: "2026-03-01" })).toBe("Verified");
    expect(describeRecord({ verifiedOn: null })).toBe("Waiting for your coordinator to verify");
  });

  it("writes hours and dates as people do", () => {
    expect(describeHours(7.5)).toBe("7.5 hours");
    expect(describeHours(1)).toBe("1 hour");
    expect(formatDate("2026-03-03")).toBe("3 March 2026");
    expect(formatDate("soon")).toBe("soon");
    expect(formatInstant(new Date("2026-03-03T23:30:00Z"))).toBe("3 March 2026");
    expect(formatInstant(new Date("2026-07-03T23:30:00Z"))).toBe("4 July 2026");
  });

  it("links to the person's own evidence outside the app", () => {
    expect(evidenceHref("org 1", "file/2")).toBe("/my/evidence/org%201/file%2F2");
  });

  it("names decisions and kinds, and copes with new ones", () => {
    expect(describeDecision("approved")).toBe("Approved to mentor");
    expect(describeDecision("on_hold")).toBe("On hold");
    expect(describeEventKind("support_group")).toBe("Support group");
    expect(describeEventKind("walk_and_talk")).toBe("Walk and talk");
  });
});

describe("events", () => {
  it("counts the places left", () => {
    expect(describePlacesLeft(null)).toBe("No limit");
    expect(describePlacesLeft(0)).toBe("Full");
    expect(describePlacesLeft(1)).toBe("1 place left");
    expect(describePlacesLeft(12)).toBe("12 places left");
  });

  it("offers signing up, giving a place back, or nothing", () => {
    const event = { title: "Spring support group", placesLeft: 3, myStatus: null };
    expect(eventAction(event)).toEqual({
      kind: "sign-up",
      text: "Sign up for Spring support group",
    });
    expect(eventAction({ ...event, placesLeft: null })).toEqual({
      kind: "sign-up",
      text: "Sign up for Spring support group",
    });
    expect(eventAction({ ...event, placesLeft: 0 })).toEqual({ kind: "full", text: "Full" });
    // Signed up to a full event: the place is theirs to give back.
    expect(eventAction({ ...event, placesLeft: 0, myStatus: "signed_up" })).toEqual({
      kind: "cancel",
      text: "Cancel my place at Spring support group",
    });
    expect(eventAction({ ...event, myStatus: "attended" }).kind).toBe("recorded");
  });
});
