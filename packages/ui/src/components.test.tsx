// Server-rendered markup checks: what a screen reader and the NHS.UK CSS rely on.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import {
  Button,
  Checkboxes,
  ErrorSummary,
  Header,
  HeaderAccountButton,
  InsetText,
  Select,
  SummaryList,
  Table,
  Tag,
  TextInput,
  WarningCallout,
} from "./index";

describe("TextInput", () => {
  it("links the label, hint and error to the input", () => {
    const html = renderToStaticMarkup(
      <TextInput id="email" name="email" label="Email address" hint="We never share it" error="Enter an email address" />,
    );
    expect(html).toContain('<label class="nhsuk-label" for="email">Email address</label>');
    expect(html).toContain('class="nhsuk-form-group nhsuk-form-group--error"');
    expect(html).toContain('class="nhsuk-input nhsuk-input--error"');
    expect(html).toContain('aria-describedby="email-hint email-error"');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('id="email-error"><span class="nhsuk-u-visually-hidden">Error:</span> Enter an email address');
  });

  it("has no error wiring without an error", () => {
    const html = renderToStaticMarkup(<TextInput id="name" name="name" label="Name" autoComplete="name" />);
    expect(html).not.toContain("aria-describedby");
    expect(html).not.toContain("--error");
    expect(html.toLowerCase()).toContain('autocomplete="name"');
  });
});

describe("ErrorSummary", () => {
  it("lists each error as a link to its field", () => {
    const html = renderToStaticMarkup(
      <ErrorSummary
        errors={[
          { href: "#email", text: "Enter your email address" },
          { href: "#password", text: "Enter your password" },
        ]}
      />,
    );
    expect(html).toContain('role="alert"');
    expect(html).toContain("There is a problem");
    expect(html).toContain('<a href="#email">Enter your email address</a>');
    expect(html).toContain('<a href="#password">Enter your password</a>');
    expect(html).toContain('tabindex="-1"');
  });
});

describe("Select and Checkboxes", () => {
  it("render the error pattern", () => {
    const select = renderToStaticMarkup(
      <Select id="org" name="org" label="Organisation" error="Select an organisation" options={[{ value: "a", text: "A" }]} />,
    );
    expect(select).toContain('class="nhsuk-select nhsuk-select--error"');
    expect(select).toContain('aria-describedby="org-error"');

    const boxes = renderToStaticMarkup(
      <Checkboxes
        idPrefix="roles"
        name="roles"
        legend="Roles"
        error="Select at least one role"
        items={[
          { value: "mentor", label: "Mentor" },
          { value: "mentee", label: "Mentee", hint: "Someone being mentored" },
        ]}
      />,
    );
    expect(boxes).toContain('<fieldset class="nhsuk-fieldset" aria-describedby="roles-error">');
    expect(boxes).toContain('id="roles"');
    expect(boxes).toContain('id="roles-2"');
    expect(boxes).toContain('aria-describedby="roles-2-item-hint"');
  });
});

describe("Table", () => {
  it("labels responsive cells with their column heading", () => {
    const html = renderToStaticMarkup(
      <Table caption="Organisations" head={["Name", "Kind"]} rows={[["Leeds", "Trust"]]} firstCellIsHeader />,
    );
    expect(html).toContain('<caption class="nhsuk-table__caption nhsuk-table__caption--m">Organisations</caption>');
    expect(html).toContain('scope="row"');
    expect(html).toContain('<span class="nhsuk-table-responsive__heading" aria-hidden="true">Kind </span>Trust');
  });
});

describe("presentational components", () => {
  it("render NHS.UK classes", () => {
    expect(renderToStaticMarkup(<Tag colour="green">Coordinator</Tag>)).toBe(
      '<strong class="nhsuk-tag nhsuk-tag--green">Coordinator</strong>',
    );
    expect(renderToStaticMarkup(<Button variant="secondary">Cancel</Button>)).toBe(
      '<button type="submit" class="nhsuk-button nhsuk-button--secondary">Cancel</button>',
    );
    expect(renderToStaticMarkup(<InsetText>Note</InsetText>)).toContain("nhsuk-inset-text");
    const callout = renderToStaticMarkup(<WarningCallout heading="Offline">Try later</WarningCallout>);
    expect(callout).toContain("nhsuk-card--warning");
    expect(callout).toContain("Offline");
    const list = renderToStaticMarkup(
      <SummaryList rows={[{ key: "Email", value: "a@example.com", actions: [{ href: "/e", text: "Change", visuallyHiddenText: "email" }] }]} />,
    );
    expect(list).toContain('<dt class="nhsuk-summary-list__key">Email</dt>');
    expect(list).toContain('<span class="nhsuk-u-visually-hidden"> email</span>');
  });

  it("renders the header with an account area", () => {
    const html = renderToStaticMarkup(
      <Header
        serviceName="Tandem"
        href="/app/"
        navigation={[{ href: "/app/", text: "Home", current: true }]}
        account={{ name: "Asha Patel", signOut: <HeaderAccountButton>Sign out</HeaderAccountButton> }}
      />,
    );
    expect(html).toContain('aria-label="NHS Tandem homepage"');
    expect(html).toContain('<nav class="nhsuk-header__account" aria-label="Account">');
    expect(html).toContain("Asha Patel");
    expect(html).toContain('class="nhsuk-header__account-button">Sign out</button>');
    expect(html).toContain('aria-current="page"');
  });
});

describe("Radios and Textarea", () => {
  it("render NHS.UK radios, checked from defaultValue or value, with errors wired", async () => {
    const { Radios } = await import("./radios");
    const html = renderToStaticMarkup(
      <Radios idPrefix="role" name="role" legend="Role" error="Choose a role" defaultValue="mentor" items={[{ value: "mentee", label: "Mentee" }, { value: "mentor", label: "Mentor", conditional: <p>Capacity</p> }]} />,
    );
    expect(html).toContain('aria-describedby="role-error"');
    expect(html).toMatch(/id="role-2"[^>]*checked=""/);
    expect(html).toContain("nhsuk-radios--conditional");
    // Server-rendered, conditional questions stay visible (script may never load).
    expect(html).not.toContain("nhsuk-radios__conditional--hidden");
    const controlled = renderToStaticMarkup(<Radios idPrefix="r" name="r" legend="R" value="a" onChange={() => {}} items={[{ value: "a", label: "A" }, { value: "b", label: "B" }]} />);
    expect(controlled).toMatch(/id="r"[^>]*checked=""/);
  });

  it("render a textarea with its hint and error", async () => {
    const { Textarea } = await import("./textarea");
    const html = renderToStaticMarkup(<Textarea id="note" name="note" label="Note" hint="Optional" error="Too long" />);
    expect(html).toContain('aria-describedby="note-hint note-error"');
    expect(html).toContain("nhsuk-textarea--error");
  });
});
