// Turns client validation and tRPC errors into the NHS error pattern: an inline message per field
// and an error summary whose links jump to the field. The user never sees a raw error.

export interface SummaryError {
  href: string;
  text: string;
}

export interface FormErrors<Field extends string = string> {
  fields: Partial<Record<Field, string>>;
  summary: SummaryError[];
}

export const NO_ERRORS: FormErrors<never> = { fields: {}, summary: [] };

export const messages = {
  wrongCredentials: "Enter a correct email address and password",
  tooManyAttempts: "You have tried to sign in too many times. Wait 15 minutes, then try again.",
  offline: "You're offline. Connect to the internet, then try again.",
  unreachable: "Tandem cannot be reached at the moment. Check your connection, then try again.",
  serviceProblem: "Sorry, there is a problem with the service. Try again later.",
  checkAnswers: "Check your answers and try again",
  signedOut: "You have been signed out. Sign in again, then try again.",
} as const;

/** Builds the summary in field order, so the first link points at the first field with a problem. */
export function toFormErrors<Field extends string>(
  fieldOrder: readonly Field[],
  fields: Partial<Record<Field, string>>,
  formErrors: string[] = [],
): FormErrors<Field> {
  const first = fieldOrder[0];
  const summary: SummaryError[] = [];
  for (const field of fieldOrder) {
    const text = fields[field];
    if (text) summary.push({ href: `#${field}`, text });
  }
  // A form-level error (e.g. wrong credentials) links to the first field, where the person starts again.
  for (const text of formErrors) summary.push({ href: first ? `#${first}` : "#maincontent", text });
  return { fields, summary };
}

/** The issues of a failed zod parse (structurally, so the PWA needs no zod of its own). */
export interface SchemaIssues {
  issues: readonly { path: readonly (string | number)[]; message: string }[];
}

/**
 * Form errors from a failed parse by one of core's input schemas: the first message for each field
 * (an issue's top-level path), in field order. The words are the schema's, as the API would say them.
 */
export function schemaFormErrors<Field extends string>(fieldOrder: readonly Field[], error: SchemaIssues): FormErrors<Field> {
  const fields: Partial<Record<Field, string>> = {};
  const formErrors: string[] = [];
  for (const issue of error.issues) {
    const name = String(issue.path[0] ?? "");
    if ((fieldOrder as readonly string[]).includes(name)) fields[name as Field] ??= issue.message;
    else if (!formErrors.includes(issue.message)) formErrors.push(issue.message);
  }
  return toFormErrors(fieldOrder, fields, formErrors);
}

interface TrpcErrorShape {
  message?: unknown;
  data?: {
    code?: unknown;
    httpStatus?: unknown;
    zodError?: { fieldErrors?: Record<string, string[] | undefined> } | null;
    fieldErrors?: Record<string, string[] | undefined> | null;
  } | null;
}

/**
 * Maps an error from a tRPC mutation to form errors. Field messages come from the API's zod schemas
 * (written in plain English); other codes get fixed sentences so no internal text leaks through.
 */
export function mapTrpcError<Field extends string>(
  error: unknown,
  fieldOrder: readonly Field[],
  options: {
    online?: boolean;
    /** Codes whose server message is written for people (e.g. a FORBIDDEN eligibility reason) and shown as it is. */
    showMessageFor?: readonly string[];
    /** What to say for UNAUTHORIZED when the person was already signed in (the default is about credentials). */
    unauthorised?: string;
  } = {},
): FormErrors<Field> {
  const shape = (typeof error === "object" && error !== null ? error : {}) as TrpcErrorShape;
  const code = errorCode(error);

  if (!code) {
    // No tRPC payload: the request never reached the API (network down, server unreachable).
    return toFormErrors(fieldOrder, {}, [options.online === false ? messages.offline : messages.unreachable]);
  }

  if (options.showMessageFor?.includes(code)) {
    return toFormErrors(fieldOrder, {}, [plainMessage(shape.message) ?? messages.serviceProblem]);
  }

  switch (code) {
    case "UNAUTHORIZED":
      return toFormErrors(fieldOrder, {}, [options.unauthorised ?? messages.wrongCredentials]);
    case "TOO_MANY_REQUESTS":
      return toFormErrors(fieldOrder, {}, [plainMessage(shape.message) ?? messages.tooManyAttempts]);
    case "BAD_REQUEST": {
      const raw = shape.data?.zodError?.fieldErrors ?? shape.data?.fieldErrors ?? {};
      const fields: Partial<Record<Field, string>> = {};
      const formErrors: string[] = [];
      for (const [name, list] of Object.entries(raw)) {
        const text = list?.[0];
        if (!text) continue;
        if ((fieldOrder as readonly string[]).includes(name)) fields[name as Field] = text;
        else formErrors.push(text);
      }
      if (Object.keys(fields).length === 0 && formErrors.length === 0) formErrors.push(messages.checkAnswers);
      return toFormErrors(fieldOrder, fields, formErrors);
    }
    default:
      return toFormErrors(fieldOrder, {}, [messages.serviceProblem]);
  }
}

/** The tRPC error code ("BAD_REQUEST", "CONFLICT", ...), or undefined when the API was never reached. */
export function errorCode(error: unknown): string | undefined {
  const shape = (typeof error === "object" && error !== null ? error : {}) as TrpcErrorShape;
  return typeof shape.data?.code === "string" ? shape.data.code : undefined;
}

/**
 * A sentence for an action that failed outside a form: the server's own message for the codes in
 * `showMessageFor` (when it reads like a sentence), signed out, a problem on our side, or no connection.
 */
export function actionProblem(error: unknown, options: { online: boolean; showMessageFor?: readonly string[] }): string {
  const code = errorCode(error);
  if (code && options.showMessageFor?.includes(code)) {
    return plainMessage((error as { message?: unknown }).message) ?? messages.serviceProblem;
  }
  if (code === "UNAUTHORIZED") return messages.signedOut;
  if (code) return messages.serviceProblem;
  return options.online ? messages.unreachable : messages.offline;
}

/** A server message is shown only if it reads like a sentence for people, not a stack or code. */
export function plainMessage(message: unknown): string | undefined {
  if (typeof message !== "string") return undefined;
  const text = message.trim();
  if (!text || text.length > 200 || /[{}<>]|Error:|\bat\s+\S+\s*\(/.test(text)) return undefined;
  return text;
}

const EMAIL_FORMAT = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateSignIn(values: { email: string; password: string }): FormErrors<"email" | "password"> {
  const fields: Partial<Record<"email" | "password", string>> = {};
  const email = values.email.trim();
  if (!email) fields.email = "Enter your email address";
  else if (!EMAIL_FORMAT.test(email))
    fields.email = "Enter an email address in the correct format, like name@example.com";
  if (!values.password) fields.password = "Enter your password";
  return toFormErrors(["email", "password"], fields);
}
