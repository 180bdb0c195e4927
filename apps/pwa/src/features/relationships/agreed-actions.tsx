// What the pair agreed to do, within the scheme's notes policy: add, change, tick off and remove
// actions. Where the scheme keeps none, it says so (and where what is written goes instead).
import { Button, Tag } from "@tandem/ui";
import { useOutboxWrite } from "../offline/use-outbox";
import { formatDate } from "../preparation/preparation-words";
import { ActionForm, RemoveAction } from "./action-forms";
import { FormProblems, usePageForm, type PageControls } from "./page-form";
import type { AgreedAction, Detail } from "./relationship-types";

export function AgreedActions({ detail, controls }: { detail: Detail; controls: PageControls }) {
  const heading = (
    <h2 className="nhsuk-heading-m" id="actions">
      Agreed actions
    </h2>
  );
  if (detail.rules.notesPolicy === "none" || detail.actions === null) {
    return (
      <section aria-labelledby="actions">
        {heading}
        <p>
          This scheme keeps no shared notes or agreed actions. Anything you want to write down stays
          in your own private reflections.
        </p>
      </section>
    );
  }
  const open = detail.status === "active" || detail.status === "paused";
  const adding = controls.open?.kind === "add-action";
  return (
    <section aria-labelledby="actions">
      {heading}
      <p>
        {open ? "What you agreed to do before your next meeting. " : ""}Only the people in this
        relationship see these{detail.notesAllowed ? " and the shared notes on each meeting" : ""}:
        the coordinator never does.
      </p>
      {detail.actions.length === 0 ? (
        <p>{open ? "No actions yet." : "No actions were agreed."}</p>
      ) : null}
      {detail.actions.length > 0 ? (
        <ul className="nhsuk-list">
          {detail.actions.map((action) => (
            <ActionItem
              key={action.id}
              action={action}
              detail={detail}
              controls={controls}
              canChange={open}
            />
          ))}
        </ul>
      ) : null}
      {open && adding ? <ActionForm detail={detail} controls={controls} /> : null}
      {open && !adding ? (
        <Button
          type="button"
          variant="secondary"
          id="add-action"
          onClick={() => controls.show({ kind: "add-action" }, "add-action")}
        >
          Add an action
        </Button>
      ) : null}
    </section>
  );
}

function describeOwner(action: AgreedAction, detail: Detail): string {
  const owner = detail.members.find((m) => m.personId === action.ownerPersonId);
  const who = owner?.you ? "You" : (action.ownerName ?? null);
  const parts = [
    who ? `${who} will do this` : null,
    action.dueOn ? `by ${formatDate(action.dueOn)}` : null,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(", ") : "";
}

function ActionItem({
  action,
  detail,
  controls,
  canChange,
}: {
  action: AgreedAction;
  detail: Detail;
  controls: PageControls;
  canChange: boolean;
}) {
  const form = usePageForm(controls, "done", []);
  const toggle = useOutboxWrite("relationships.updateAction", {
    describe: (input) =>
      `Mark the agreed action “${action.text}” as ${input.done ? "done" : "not done"}`,
    onSuccess: (_r, input) =>
      form.succeeded(
        input.done ? "The action is marked as done." : "The action is marked as not done.",
      ),
    onError: (error) => form.failed(error),
    onQueued: (because) => form.queued(because),
  });
  const open =
    controls.open && "actionId" in controls.open && controls.open.actionId === action.id
      ? controls.open.kind
      : null;
  const id = (what: string) => `${what}-${action.id}`;
  const owner = describeOwner(action, detail);
  const name = <span className="nhsuk-u-visually-hidden"> ({action.text})</span>;

  return (
    <li className="nhsuk-u-padding-bottom-3" style={{ borderBottom: "1px solid #d8dde0" }}>
      <FormProblems form={form} />
      {open === "edit-action" ? (
        <ActionForm detail={detail} controls={controls} action={action} />
      ) : (
        <>
          <p className="nhsuk-u-margin-bottom-1">
            <Tag colour={action.done ? "green" : "white"}>{action.done ? "Done" : "To do"}</Tag>{" "}
            <span style={{ whiteSpace: "pre-line" }}>{action.text}</span>
          </p>
          {owner ? <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">{owner}</p> : null}
          {open === "remove-action" ? <RemoveAction action={action} controls={controls} /> : null}
          {canChange && open === null ? (
            <div className="nhsuk-button-group nhsuk-u-margin-bottom-0">
              <Button
                type="button"
                variant="secondary"
                small
                disabled={toggle.isPending}
                aria-disabled={toggle.isPending || undefined}
                onClick={() =>
                  toggle.mutate({ ...controls.scope, actionId: action.id, done: !action.done })
                }
              >
                {action.done ? "Mark as not done" : "Mark as done"}
                {name}
              </Button>
              <Button
                type="button"
                variant="secondary"
                small
                id={id("edit")}
                onClick={() =>
                  controls.show({ kind: "edit-action", actionId: action.id }, id("edit"))
                }
              >
                Change{name}
              </Button>
              <Button
                type="button"
                variant="secondary"
                small
                id={id("remove")}
                onClick={() =>
                  controls.show({ kind: "remove-action", actionId: action.id }, id("remove"))
                }
              >
                Remove{name}
              </Button>
            </div>
          ) : null}
        </>
      )}
    </li>
  );
}
