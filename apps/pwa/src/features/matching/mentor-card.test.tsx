import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { NoMentors } from "./mentor-card";

describe("NoMentors", () => {
  it("does not tell a mentee whose request is open that no mentor can take them on", () => {
    const waiting = renderToStaticMarkup(<NoMentors filtered={false} requestOpen />);
    expect(waiting).toContain("Your request stays with the mentors you chose");
    expect(waiting).not.toContain("No mentor can take you on");
  });

  it("says so when nobody has a free place and nothing is asked", () => {
    expect(renderToStaticMarkup(<NoMentors filtered={false} requestOpen={false} />)).toContain("No mentor can take you on at the moment.");
  });

  it("points at the filters first", () => {
    expect(renderToStaticMarkup(<NoMentors filtered requestOpen />)).toContain("No mentors match these filters.");
  });
});
