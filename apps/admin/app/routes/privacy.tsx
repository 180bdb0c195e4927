// The privacy notice (public), linked from the footer of every page.
import type { MetaFunction } from "@remix-run/react";
import { PrivacyNotice, servicePageTitles } from "@tandem/ui";
import { pageTitle } from "../lib/meta";

export const meta: MetaFunction = () => pageTitle(servicePageTitles.privacy);

export default function Privacy() {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>{servicePageTitles.privacy}</h1>
        <PrivacyNotice base="" />
      </div>
    </div>
  );
}
