// The accessibility statement (public), linked from the footer of every page.
import type { MetaFunction } from "@remix-run/react";
import { AccessibilityStatement, servicePageTitles } from "@tandem/ui";
import { pageTitle } from "../lib/meta";

export const meta: MetaFunction = () => pageTitle(servicePageTitles.accessibility);

export default function Accessibility() {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>{servicePageTitles.accessibility}</h1>
        <AccessibilityStatement base="" />
      </div>
    </div>
  );
}
