// The outbox, for platform admins when no SMTP server is configured: what the service "sent".
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, type MetaFunction } from "@remix-run/react";
import { InsetText } from "@tandem/ui";
import { Fragment } from "react";
import { guard, requirePlatformAdmin, requireSignedIn } from "../lib/api.server";
import { formatDateTime } from "../lib/format";
import { pageTitle } from "../lib/meta";

export const meta: MetaFunction = () => pageTitle("Dev mailbox");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { caller, headers, me } = await requireSignedIn(request, context);
  requirePlatformAdmin(me, headers);
  const to = new URL(request.url).searchParams.get("to")?.trim().toLowerCase() || null;
  const rows = await guard(request, headers, () => caller.platform.mailbox({ limit: 100 }));
  const messages = rows
    .filter((m) => !to || m.toAddress.toLowerCase() === to)
    .map((m) => ({
      id: m.id,
      toAddress: m.toAddress,
      subject: m.subject,
      textBody: m.textBody,
      createdAt: m.createdAt,
    }));
  return data({ messages, to }, { headers });
}

const urlPattern = /(https?:\/\/[^\s<>"')\]]+)/g;

/** The body as text, with each web address made a link (written out in full). */
function Body({ text }: { text: string }) {
  const parts = text.split(urlPattern);
  return (
    <pre className="tandem-mailbox-body">
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <a key={index} href={part}>
            {part}
          </a>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </pre>
  );
}

export default function Mailbox() {
  const { messages, to } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Dev mailbox</h1>
      <p>
        Email the service has written, newest first. It appears here because no SMTP server is configured, so
        nothing leaves this installation.
      </p>
      {to ? (
        <p>
          Showing messages to {to}. <a href="/dev/mailbox">Show all messages</a>
        </p>
      ) : null}
      {messages.length === 0 ? (
        <InsetText>
          <p>No email has been sent{to ? ` to ${to}` : ""} yet.</p>
        </InsetText>
      ) : (
        messages.map((message) => (
          <article key={message.id} className="nhsuk-card" data-testid="mailbox-message" aria-labelledby={`message-${message.id}`}>
            <div className="nhsuk-card__content">
              <h2 className="nhsuk-card__heading nhsuk-heading-m" id={`message-${message.id}`}>
                {message.subject}
              </h2>
              <dl className="nhsuk-summary-list nhsuk-summary-list--no-border">
                <div className="nhsuk-summary-list__row">
                  <dt className="nhsuk-summary-list__key">To</dt>
                  <dd className="nhsuk-summary-list__value">{message.toAddress}</dd>
                </div>
                <div className="nhsuk-summary-list__row">
                  <dt className="nhsuk-summary-list__key">Written</dt>
                  <dd className="nhsuk-summary-list__value">{formatDateTime(message.createdAt)}</dd>
                </div>
              </dl>
              <Body text={message.textBody} />
            </div>
          </article>
        ))
      )}
    </>
  );
}
