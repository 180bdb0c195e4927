// What is waiting in the outbox, on every screen: how many changes are waiting to send, a list to see
// and discard them, the changes the server refused with what happened, and a prompt to sign in when
// the session has ended. Signed out, only the count shows: the list is for its own person.
import { Button, WarningCallout } from "@tandem/ui";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { BASE, Link } from "../../lib/router";
import { useTRPC } from "../../lib/trpc";
import type { OutboxItem } from "./outbox-items";
import { waitingWords } from "./outbox-items";
import { useOnlineStatus } from "./use-online-status";
import { useOutbox, useOutboxState } from "./use-outbox";

export function OutboxPanel() {
  const trpc = useTRPC();
  const me = useQuery(trpc.me.get.queryOptions());
  const { items, needsSignIn } = useOutboxState();
  const online = useOnlineStatus();
  const personId = me.data?.person.id;
  const signedOut = me.data === null;
  const mine = personId ? items.filter((i) => i.personId === personId) : items;
  const waiting = mine.filter((i) => !i.problem);
  const refused = mine.filter((i) => i.problem);

  return (
    <>
      <div role="status" aria-live="polite">
        {waiting.length > 0 ? (
          <div className="nhsuk-inset-text" data-testid="outbox">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <h2 className="nhsuk-heading-s">{waitingWords(waiting.length)}</h2>
            <p>
              {signedOut || needsSignIn ? (
                <>
                  You have been signed out. <Link href={`${BASE}/sign-in`}>Sign in again</Link> to
                  send them: they are kept on this device until then.
                </>
              ) : online ? (
                "Sending them now."
              ) : (
                "They are saved on this device and will be sent when you are back online."
              )}
            </p>
            {personId ? <OutboxList items={waiting} label="See or discard them" /> : null}
          </div>
        ) : null}
      </div>
      {personId && refused.length > 0 ? (
        <div data-testid="outbox-refused">
          <WarningCallout
            heading={
              refused.length === 1
                ? "A change could not be sent"
                : `${refused.length} changes could not be sent`
            }
            headingLevel="h2"
          >
            <p>
              Someone may have changed things before your change arrived. Check the page, then
              discard the change or make it again.
            </p>
            <OutboxList items={refused} />
          </WarningCallout>
        </div>
      ) : null}
    </>
  );
}

function OutboxList({ items, label }: { items: readonly OutboxItem[]; label?: string }) {
  const list = (
    <ul className="nhsuk-list nhsuk-list--border">
      {items.map((item) => (
        <OutboxEntry key={item.key} item={item} />
      ))}
    </ul>
  );
  if (!label) return list;
  return (
    <details className="nhsuk-details nhsuk-u-margin-bottom-0">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">{label}</span>
      </summary>
      <div className="nhsuk-details__text">{list}</div>
    </details>
  );
}

function OutboxEntry({ item }: { item: OutboxItem }) {
  const outbox = useOutbox();
  const [asked, setAsked] = useState(false);
  const made = new Date(item.createdAt).toLocaleString("en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
  });
  return (
    <li>
      <p className="nhsuk-u-margin-bottom-1">
        <strong>{item.description}</strong>
        <br />
        <span className="nhsuk-body-s">Made {made}</span>
      </p>
      {item.problem ? <p className="nhsuk-u-margin-bottom-1">Not sent: {item.problem}</p> : null}
      {asked ? (
        <div className="nhsuk-button-group nhsuk-u-margin-bottom-0">
          <Button
            type="button"
            variant="warning"
            aria-label={`Yes, discard it: ${item.description}`}
            onClick={() => void outbox.remove(item.key)}
          >
            Yes, discard it
          </Button>
          <Button type="button" variant="secondary" onClick={() => setAsked(false)}>
            Keep it
          </Button>
        </div>
      ) : (
        <Button
          type="button"
          variant="secondary"
          aria-label={`Discard: ${item.description}`}
          onClick={() => setAsked(true)}
        >
          Discard
        </Button>
      )}
    </li>
  );
}
