// Reads email the server "sent" during a test. Without SMTP_URL the server keeps mail in its
// outbox and shows it to platform admins at /dev/mailbox; the test process cannot reach the
// embedded database directly, so it reads that page, signed in as the demo platform admin in a
// browser context of its own (the test's own page keeps whoever it signed in).
//
// What this expects of the mailbox page: one element per message, newest first, either
// `[data-testid="mailbox-message"]` or an <article>, whose text holds the recipient address,
// a heading with the subject, and the body text with any links written out in full.
import {
  expect,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from "@playwright/test";
import { DEMO_EMAILS, DEMO_PASSWORD, DEV_MAILBOX_PATH } from "./demo";
import { signInThroughForm } from "./sign-in";

export type Email = {
  to: string;
  subject: string;
  /** The message as the mailbox page shows it (recipient, subject and body). */
  text: string;
  /** Every http(s) URL in the message, in order. */
  links: string[];
};

export type EmailQuery = {
  /** Only messages whose subject matches. */
  subject?: RegExp;
  /** How long to wait for a matching message to arrive (default 10 s). */
  timeout?: number;
};

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

// The platform admin's session, kept for the life of the worker so a run signs in once rather
// than once per email (sign-in attempts are rate limited).
let platformAdminState: StorageState | undefined;

const URL_PATTERN = /https?:\/\/[^\s<>"')\]]+/g;

export class Mailbox {
  private constructor(
    private readonly context: BrowserContext,
    private readonly page: Page,
  ) {}

  static async open(browser: Browser, baseURL: string): Promise<Mailbox> {
    const context = await browser.newContext({ baseURL, storageState: platformAdminState });
    const page = await context.newPage();
    return new Mailbox(context, page);
  }

  /** The newest message to `address` (matching `subject` if given), waiting for it to arrive. */
  async latestTo(address: string, query: EmailQuery = {}): Promise<Email> {
    const timeout = query.timeout ?? 10_000;
    const deadline = Date.now() + timeout;
    for (;;) {
      const email = await this.findLatest(address, query.subject);
      if (email) return email;
      if (Date.now() > deadline) {
        throw new Error(
          `No email to ${address}${query.subject ? ` with subject ${query.subject}` : ""} ` +
            `reached ${DEV_MAILBOX_PATH} within ${timeout} ms`,
        );
      }
      await this.page.waitForTimeout(250);
    }
  }

  /** Every message to `address` whose subject matches, newest first, as the mailbox holds them now. */
  async allTo(address: string, subject: RegExp): Promise<Email[]> {
    await this.openMailboxPage(address);
    const found: Email[] = [];
    for (const message of await this.messages().all()) {
      const email = await this.read(message, address, subject);
      if (email) found.push(email);
    }
    return found;
  }

  async close(): Promise<void> {
    await this.context.close();
  }

  private async findLatest(
    address: string,
    subject: RegExp | undefined,
  ): Promise<Email | undefined> {
    await this.openMailboxPage(address);
    for (const message of await this.messages().all()) {
      const email = await this.read(message, address, subject);
      if (email) return email;
    }
    return undefined;
  }

  /** One message of the mailbox page, if it is to `address` and its subject matches. */
  private async read(
    message: Locator,
    address: string,
    subject: RegExp | undefined,
  ): Promise<Email | undefined> {
    const text = await message.innerText();
    if (!text.toLowerCase().includes(address.toLowerCase())) return undefined;
    const heading = message.getByRole("heading").first();
    const messageSubject = (await heading.count()) ? (await heading.innerText()).trim() : "";
    if (subject && !subject.test(messageSubject)) return undefined;
    const hrefs = await message
      .locator("a[href]")
      .evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
    const links = [...new Set([...(text.match(URL_PATTERN) ?? []), ...hrefs])].filter((link) =>
      /^https?:/.test(link),
    );
    return { to: address, subject: messageSubject, text, links };
  }

  private messages(): Locator {
    return this.page.locator('[data-testid="mailbox-message"], article');
  }

  private async openMailboxPage(address: string): Promise<void> {
    // `to` narrows the list if the page supports it; the filtering above does not rely on it.
    const path = `${DEV_MAILBOX_PATH}?to=${encodeURIComponent(address)}`;
    let response = await this.page.goto(path);
    const onMailbox = () => new URL(this.page.url()).pathname === DEV_MAILBOX_PATH;
    if (!onMailbox() || !response?.ok()) {
      // Signed out (redirected to sign in, or refused): sign in as the platform admin once.
      await signInThroughForm(this.page, DEMO_EMAILS.platformAdmin, DEMO_PASSWORD);
      platformAdminState = await this.context.storageState();
      response = await this.page.goto(path);
    }
    expect(
      onMailbox() && response?.ok(),
      `${DEMO_EMAILS.platformAdmin} should see ${DEV_MAILBOX_PATH} (it exists only when SMTP_URL is unset)`,
    ).toBe(true);
  }
}

/** The first link in `email` whose URL matches `pattern`, e.g. /\/invitations\//. */
export function linkIn(email: Email, pattern: RegExp): string {
  const link = email.links.find((candidate) => pattern.test(candidate));
  if (!link)
    throw new Error(`No link matching ${pattern} in the email "${email.subject}" to ${email.to}`);
  return link;
}
