// Adding or changing an agreed action (what, who will do it, by when), and removing one after a confirmation.
import { Button, Select, Textarea, TextInput } from "@tandem/ui";
import { useState, type FormEvent } from "react";
import { OFFLINE_SAVED, useOutboxWrite } from "../offline/use-outbox";
import { actionFieldIds, fieldId, readAction, type ActionValues } from "./meeting-forms";
import {
  FormButtons,
  FormHeading,
  FormProblems,
  usePageForm,
  type PageControls,
} from "./page-form";
import type { AgreedAction, Detail } from "./relationship-types";

export function ActionForm({
  detail,
  controls,
  action,
}: {
  detail: Detail;
  controls: PageControls;
  action?: AgreedAction;
}) {
  const prefix = action ? "edit-action" : "action";
  const id = (field: keyof ActionValues) => fieldId(prefix, field);
  const [values, setValues] = useState<ActionValues>({
    text: action?.text ?? "",
    ownerPersonId: action?.ownerPersonId ?? "",
    dueOn: action?.dueOn ?? "",
  });
  const form = usePageForm(controls, prefix, actionFieldIds(prefix));
  const set = (field: keyof ActionValues) => (value: string) =>
    setValues((v) => ({ ...v, [field]: value }));
  const add = useOutboxWrite("relationships.addAction", {
    describe: (input) => `Add the agreed action “${input.text}”`,
    onSuccess: () => form.succeeded("The action is added."),
    onError: (error) => form.failed(error),
    onQueued: (because) => form.queued(because),
  });
  const update = useOutboxWrite("relationships.updateAction", {
    describe: (input) => `Change the agreed action “${input.text ?? action?.text ?? ""}”`,
    onSuccess: () => form.succeeded("The action is changed."),
    onError: (error) => form.failed(error),
    onQueued: (because) => form.queued(because),
  });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const read = readAction(prefix, values);
    if (form.check(read.errors) || !read.input) return;
    if (action) update.mutate({ ...controls.scope, actionId: action.id, ...read.input });
    else add.mutate({ ...controls.scope, ...read.input });
  }

  const people = detail.members.filter((m) => !m.left);
  return (
    <div className="nhsuk-u-margin-top-4">
      <FormProblems form={form} />
      <FormHeading>{action ? "Change this action" : "Add an agreed action"}</FormHeading>
      <form onSubmit={handleSubmit} noValidate>
        <Textarea
          id={id("text")}
          name="text"
          label="What was agreed"
          hint="For example, talk to the clinical lead about the rota before the next meeting. Only the people in this relationship see it."
          value={values.text}
          onChange={(event) => set("text")(event.currentTarget.value)}
          error={form.errors.fields[id("text")]}
          rows={3}
        />
        <Select
          id={id("ownerPersonId")}
          name="ownerPersonId"
          label="Who will do it? (optional)"
          value={values.ownerPersonId}
          onChange={(event) => set("ownerPersonId")(event.currentTarget.value)}
          error={form.errors.fields[id("ownerPersonId")]}
          options={[
            { value: "", text: "Not said" },
            ...people.map((m) => ({ value: m.personId, text: m.you ? `${m.name} (you)` : m.name })),
          ]}
        />
        <TextInput
          id={id("dueOn")}
          name="dueOn"
          type="date"
          label="By when? (optional)"
          value={values.dueOn}
          onChange={(event) => set("dueOn")(event.currentTarget.value)}
          error={form.errors.fields[id("dueOn")]}
          width={10}
        />
        <FormButtons
          submit={action ? "Save the action" : "Add the action"}
          pending={add.isPending || update.isPending}
          onCancel={controls.cancel}
          offlineText={OFFLINE_SAVED}
        />
      </form>
    </div>
  );
}

export function RemoveAction({
  action,
  controls,
}: {
  action: AgreedAction;
  controls: PageControls;
}) {
  const form = usePageForm(controls, "remove-action", []);
  const remove = useOutboxWrite("relationships.removeAction", {
    describe: () => `Remove the agreed action “${action.text}”`,
    onSuccess: () => form.succeeded("The action is removed."),
    onError: (error) => form.failed(error),
    onQueued: (because) => form.queued(because),
  });
  return (
    <div className="nhsuk-u-margin-top-2">
      <FormProblems form={form} />
      <FormHeading>Remove this action?</FormHeading>
      <p>It is removed for everyone in this relationship.</p>
      <div className="nhsuk-button-group">
        <Button
          type="button"
          variant="warning"
          disabled={remove.isPending}
          aria-disabled={remove.isPending || undefined}
          onClick={() => remove.mutate({ ...controls.scope, actionId: action.id })}
        >
          Yes, remove it
        </Button>
        <Button type="button" variant="secondary" onClick={controls.cancel}>
          No, keep it
        </Button>
      </div>
    </div>
  );
}
