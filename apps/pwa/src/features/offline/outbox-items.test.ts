import { describe, expect, it } from "vitest";
import { classifyFailure, inOrder, waitingWords } from "./outbox-items";

const trpcError = (code: string, httpStatus: number, extra: Record<string, unknown> = {}, message = "Something") => ({
  message,
  data: { code, httpStatus, ...extra },
});

describe("what the outbox does after a failed send", () => {
  it("keeps the item for later when the API was never reached, was busy, or the key is in flight", () => {
    expect(classifyFailure(new TypeError("Failed to fetch"))).toEqual({ kind: "retry" });
    expect(classifyFailure(trpcError("INTERNAL_SERVER_ERROR", 500))).toEqual({ kind: "retry" });
    expect(classifyFailure(trpcError("TOO_MANY_REQUESTS", 429))).toEqual({ kind: "retry" });
    expect(classifyFailure(trpcError("CONFLICT", 409, { idempotency: "in_flight" }))).toEqual({ kind: "retry" });
  });

  it("keeps every item and asks the person to sign in when the session has ended", () => {
    expect(classifyFailure(trpcError("UNAUTHORIZED", 401))).toEqual({ kind: "sign-in" });
  });

  it("shows what happened when the server refused the change, in the server's words for people", () => {
    const cancelled = trpcError("CONFLICT", 409, { idempotency: null }, "This meeting was cancelled, so it cannot be recorded");
    expect(classifyFailure(cancelled)).toMatchObject({ kind: "refused", message: "This meeting was cancelled, so it cannot be recorded" });
    expect(classifyFailure(trpcError("BAD_REQUEST", 400, {}, "text: Write what was agreed"))).toMatchObject({ kind: "refused", message: "Write what was agreed" });
    // A message that is not a sentence (a raw payload) is never shown.
    expect(classifyFailure(trpcError("BAD_REQUEST", 400, {}, '[{"code":"invalid"}]'))).toMatchObject({ kind: "refused", message: expect.stringMatching(/^It could not be saved/) });
    expect(classifyFailure(trpcError("UNPROCESSABLE_CONTENT", 422, { idempotency: "payload_mismatch" }))).toMatchObject({
      kind: "refused",
      message: "This change was already sent with different details, so it was not sent again.",
    });
  });
});

describe("the outbox's order and words", () => {
  it("sends oldest first: UUIDv7 keys sort by when they were made", () => {
    const items = [{ key: "019af0c2-0002-7000-8000-000000000000" }, { key: "019af0c1-ffff-7000-8000-000000000000" }, { key: "019af0c2-0001-7000-8000-000000000000" }];
    expect(inOrder(items).map((i) => i.key.slice(0, 13))).toEqual(["019af0c1-ffff", "019af0c2-0001", "019af0c2-0002"]);
  });

  it("counts what is waiting in words", () => {
    expect(waitingWords(1)).toBe("1 change waiting to send");
    expect(waitingWords(2)).toBe("2 changes waiting to send");
  });
});
