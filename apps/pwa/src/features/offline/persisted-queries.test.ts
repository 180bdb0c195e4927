import { describe, expect, it } from "vitest";
import { PERSISTED_QUERIES, queryPath, seenAtWords, shouldPersistQuery } from "./persisted-queries";

const query = (path: string[], status = "success", data: unknown = { ok: true }) => ({ queryKey: [path, { type: "query" }], state: { status, data } });

describe("what is kept on the device", () => {
  it("keeps the participant's own queries named in the decision record, once they have data", () => {
    expect(shouldPersistQuery(query(["relationships", "get"]))).toBe(true);
    expect(shouldPersistQuery(query(["enrolment", "mine"]))).toBe(true);
    expect(shouldPersistQuery(query(["preparation", "myStatus"]))).toBe(true);
    expect(shouldPersistQuery(query(["relationships", "get"], "error"))).toBe(false);
    expect(shouldPersistQuery(query(["relationships", "get"], "pending", undefined))).toBe(false);
    // Signed out, "who am I" is nobody: nothing to keep.
    expect(shouldPersistQuery(query(["me", "get"], "success", null))).toBe(false);
  });

  it("keeps nothing else: the pool of mentors, claims, calendar feeds, reminders", () => {
    for (const path of ["matching.pool", "claims.mine", "calendar.feedStatus", "reminders.preferences", "directory.list"]) {
      expect(shouldPersistQuery(query(path.split("."))), path).toBe(false);
    }
    expect(PERSISTED_QUERIES).not.toContain("matching.pool");
  });

  it("reads a tRPC query key's path", () => {
    expect(queryPath([["relationships", "get"], { input: {}, type: "query" }])).toBe("relationships.get");
    expect(queryPath(["not-trpc"])).toBeNull();
  });
});

describe("when what is shown was seen", () => {
  it("says the time today, and the day and time before today", () => {
    const now = new Date(2026, 11, 7, 16, 0);
    expect(seenAtWords(new Date(2026, 11, 7, 14, 32), now)).toBe("14:32");
    expect(seenAtWords(new Date(2026, 11, 5, 9, 5), now)).toBe("Saturday 5 December at 09:05");
  });
});
