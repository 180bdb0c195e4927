// The link in an invitation email (public): join the organisation, creating a password if the
// invitee has no account yet. Used, withdrawn, expired and unknown links each get a clear page.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useParams, type MetaFunction } from "@remix-run/react";
import { AcceptInvitationInput } from "@tandem/core";
import { Button, InsetText, SummaryList } from "@tandem/ui";
import { api, apiError, formErrorsOrThrow } from "../lib/api.server";
import { setFlash, takeFlash } from "../lib/flash.server";
import { errorItems, FormErrorSummary, useSubmitAttempt } from "../lib/forms";
import { roleList } from "../lib/format";
import { pageTitle } from "../lib/meta";
import { NewPasswordFields } from "../components/new-password-fields";

type Closed = "expired" | "accepted" | "revoked" | "invalid";

const closedTexts: Record<Closed, { title: string; body: string }> = {
  expired: {
    title: "This invitation has expired",
    body: "Invitation links work for 14 days. Ask the person who invited you to send a new invitation.",
  },
  accepted: {
    title: "This invitation has already been used",
    body: "Each invitation link works once. If you set a password with it, sign in. Otherwise ask the person who invited you for a new invitation.",
  },
  revoked: {
    title: "This invitation has been withdrawn",
    body: "The organisation withdrew this invitation. If you think this is a mistake, ask the person who invited you for a new invitation.",
  },
  invalid: {
    title: "This invitation link is not valid",
    body: "Check you copied the whole link from the email. If it still does not work, ask the person who invited you for a new invitation.",
  },
};

const acceptedFlash = { withPassword: "invitation-accepted:password", existingAccount: "invitation-accepted:existing" };

export const meta: MetaFunction<typeof loader> = ({ data: page }) => {
  if (page?.state === "welcome") return pageTitle("You have accepted the invitation");
  if (!page || page.state !== "pending") return pageTitle(closedTexts[page?.state ?? "invalid"].title);
  return pageTitle(`Join ${page.invitation.organisationName}`);
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { caller, headers } = await api(request, context);
  try {
    const invitation = await caller.auth.invitation({
      organisationId: params.organisationId ?? "",
      token: params.token ?? "",
    });
    const flash = await takeFlash(request, headers, context);
    if (invitation.status === "accepted" && (flash === acceptedFlash.withPassword || flash === acceptedFlash.existingAccount)) {
      // Straight after accepting (the action redirects here): the confirmation, not "already used".
      return data({ state: "welcome" as const, passwordSet: flash === acceptedFlash.withPassword }, { headers });
    }
    if (invitation.status !== "pending") {
      return data({ state: invitation.status as Closed }, { status: 410, headers });
    }
    return data(
      {
        state: "pending" as const,
        invitation: {
          organisationName: invitation.organisationName,
          name: invitation.name,
          email: invitation.email,
          roles: invitation.roles,
          hasAccount: invitation.hasAccount,
        },
      },
      { headers },
    );
  } catch (error) {
    const known = apiError(error);
    if (known && (known.code === "NOT_FOUND" || known.code === "BAD_REQUEST")) {
      return data({ state: "invalid" as Closed }, { status: 404, headers });
    }
    throw error;
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { caller, headers } = await api(request, context);
  const formData = await request.formData();
  // The invitation is the one in the address, whatever the form says.
  formData.set("organisationId", params.organisationId ?? "");
  formData.set("token", params.token ?? "");
  const submission = parseWithZod(formData, { schema: AcceptInvitationInput });
  const hidden = ["password", "confirmPassword"];
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: hidden }), { status: 400, headers });
  }
  try {
    const result = await caller.auth.acceptInvitation(submission.value);
    await setFlash(headers, context, result.passwordSet ? acceptedFlash.withPassword : acceptedFlash.existingAccount);
    return redirect(new URL(request.url).pathname, { headers });
  } catch (error) {
    const known = apiError(error);
    if (known?.code === "NOT_FOUND") {
      const errors = { formErrors: [known.message], fieldErrors: {} };
      return data(submission.reply({ ...errors, hideFields: hidden }), { status: 400, headers });
    }
    const errors = formErrorsOrThrow(error, request, headers);
    return data(submission.reply({ ...errors, hideFields: hidden }), { status: 400, headers });
  }
}

export default function Invitation() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();

  if (page.state === "welcome") return <Accepted passwordSet={page.passwordSet} />;
  if (page.state !== "pending") {
    const text = closedTexts[page.state];
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>{text.title}</h1>
          <p>{text.body}</p>
          {page.state === "accepted" ? (
            <p>
              <a href="/sign-in">Sign in to the admin portal</a> or <a href="/app/">open the Tandem app</a>.
            </p>
          ) : null}
        </div>
      </div>
    );
  }
  return <AcceptForm invitation={page.invitation} lastResult={result} />;
}

function Accepted({ passwordSet }: { passwordSet: boolean }) {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>You have accepted the invitation</h1>
        <p>
          {passwordSet
            ? "Your account is ready. Sign in with your email address and the password you just created."
            : "The organisation has been added to your account. Sign in as usual."}
        </p>
        <ul className="nhsuk-list">
          <li>
            <a href="/app/">Open the Tandem app</a>
          </li>
          <li>
            <a href="/sign-in">Sign in to the admin portal</a>
          </li>
        </ul>
      </div>
    </div>
  );
}

interface PendingInvitation {
  organisationName: string;
  name: string;
  email: string;
  roles: string[];
  hasAccount: boolean;
}

function AcceptForm({
  invitation,
  lastResult,
}: {
  invitation: PendingInvitation;
  lastResult: ReturnType<typeof useActionData<typeof action>>;
}) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "accept-invitation",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AcceptInvitationInput }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const { attempt, wrap } = useSubmitAttempt(lastResult);
  const items = errorItems(form, {
    order: ["password", "confirmPassword"],
    ids: { password: "password", confirmPassword: "confirm-password" },
    formErrorTarget: invitation.hasAccount ? "accept" : "password",
  });
  const { organisationId, token } = useParamsOf();

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <FormErrorSummary items={items} attempt={attempt} />
        <h1>Join {invitation.organisationName} on Tandem</h1>
        <SummaryList
          rows={[
            { id: "name", key: "Name", value: invitation.name },
            { id: "email", key: "Email address", value: invitation.email },
            { id: "roles", key: "Roles", value: roleList(invitation.roles) },
          ]}
        />
        <Form method="post" {...getFormProps(form)} onSubmit={wrap(form.onSubmit)}>
          <input type="hidden" name="organisationId" value={organisationId} />
          <input type="hidden" name="token" value={token} />
          {invitation.hasAccount ? (
            <InsetText>
              <p>You already have a Tandem account with this email address. Accept to add this organisation to it.</p>
            </InsetText>
          ) : (
            <>
              <h2>Create your account</h2>
              <NewPasswordFields password={fields.password} confirm={fields.confirmPassword} label="Create a password" confirmLabel="Confirm password" />
            </>
          )}
          <Button id="accept" disabled={navigation.state === "submitting"}>
            Accept invitation
          </Button>
        </Form>
      </div>
    </div>
  );
}

function useParamsOf(): { organisationId: string; token: string } {
  const params = useParams();
  return { organisationId: params.organisationId ?? "", token: params.token ?? "" };
}
