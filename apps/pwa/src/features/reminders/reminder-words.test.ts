import { describe, expect, it } from "vitest";
import { channelItems, fallbackChannel, parseChannel, usesDevice, withDevice } from "./reminder-words";

describe("reminder choices", () => {
  it("offer email, a notification on this device, both or none, in that order", () => {
    expect(channelItems.map((i) => i.label)).toEqual(["Email", "Notification on this device", "Both", "No reminders"]);
  });

  it("read a radio's value, anything unknown as email", () => {
    expect(["email", "push", "both", "none", "pigeon"].map(parseChannel)).toEqual(["email", "push", "both", "none", "email"]);
  });

  it("keep email when this device cannot take notifications", () => {
    expect(usesDevice("push")).toBe(true);
    expect(usesDevice("email")).toBe(false);
    expect(fallbackChannel("push")).toBe("email");
    expect(fallbackChannel("both")).toBe("email");
    expect(fallbackChannel("none")).toBe("none");
  });

  it("add the device to email when the person takes the prompt", () => {
    expect(withDevice("email")).toBe("both");
    expect(withDevice("push")).toBe("push");
    expect(withDevice("both")).toBe("both");
  });
});
