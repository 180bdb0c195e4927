// The "training done elsewhere" form: its fields, checks and error mapping. The checks are the API's own
// schema (RecognitionRequestFields from @tandem/core), so the browser and the server say the same thing.
import { RecognitionRequestFields } from "@tandem/core";
import { mapTrpcError, messages, toFormErrors, type FormErrors } from "../../lib/form-errors";

export const recognitionFields = [
  "organisationId",
  "moduleId",
  "completedOn",
  "provider",
  "evidence",
  "evidenceNote",
] as const;
export type RecognitionField = (typeof recognitionFields)[number];

export interface RecognitionValues {
  organisationId: string;
  moduleId: string;
  completedOn: string;
  provider: string;
  evidenceNote: string;
}

export interface EvidenceFile {
  name: string;
  size: number;
}

export const maxEvidenceBytes = 5 * 1024 * 1024;

export const evidenceMessages = {
  empty: "The selected file is empty",
  tooBig: "The selected file must be smaller than 5 MB",
  wrongType: "The selected file must be a PDF, PNG or JPG",
  unreadable: "The selected file could not be read. Choose it again",
} as const;

/** A quick check before uploading (the server checks the bytes themselves). */
export function checkEvidenceFile(file: EvidenceFile): string | undefined {
  if (file.size === 0) return evidenceMessages.empty;
  if (file.size >= maxEvidenceBytes) return evidenceMessages.tooBig;
  if (!/\.(pdf|png|jpe?g)$/i.test(file.name)) return evidenceMessages.wrongType;
  return undefined;
}

/** The base64 part of a data URL from FileReader.readAsDataURL ("data:application/pdf;base64,JVBE..."). */
export function dataUrlToBase64(dataUrl: string): string | null {
  const comma = dataUrl.indexOf(",");
  if (!dataUrl.startsWith("data:") || comma < 0 || !dataUrl.slice(0, comma).endsWith(";base64"))
    return null;
  return dataUrl.slice(comma + 1);
}

/** What the API receives; an empty note is left out rather than sent as "". */
export function toRecognitionRequest(values: RecognitionValues, evidenceFileId?: string) {
  const note = values.evidenceNote.trim();
  return {
    organisationId: values.organisationId,
    moduleId: values.moduleId,
    completedOn: values.completedOn.trim(),
    provider: values.provider.trim(),
    ...(note ? { evidenceNote: note } : {}),
    ...(evidenceFileId ? { evidenceFileId } : {}),
  };
}

/** Checks every field (and the chosen file) before anything is uploaded. */
export function validateRecognition(
  values: RecognitionValues,
  file: EvidenceFile | undefined,
  options: { today: string },
): FormErrors<RecognitionField> {
  const fields: Partial<Record<RecognitionField, string>> = {};
  const parsed = RecognitionRequestFields.safeParse(toRecognitionRequest(values));
  if (!parsed.success) {
    const found = parsed.error.flatten().fieldErrors as Partial<Record<string, string[]>>;
    for (const field of recognitionFields) {
      const text = found[field]?.[0];
      if (text) fields[field] = text;
    }
  } else if (parsed.data.completedOn > options.today) {
    fields.completedOn = "The date you completed it must be today or in the past";
  }
  const fileProblem = file ? checkEvidenceFile(file) : undefined;
  if (fileProblem) fields.evidence = fileProblem;
  return toFormErrors(recognitionFields, fields);
}

const errorOptions = {
  // A FORBIDDEN here says the person is not a mentor there, in words written for people.
  showMessageFor: ["FORBIDDEN", "NOT_FOUND"],
  unauthorised: messages.signedOut,
} as const;

/** Upload errors belong to the file field, whichever part of the upload the server named. */
export function mapUploadError(error: unknown, online: boolean): FormErrors<RecognitionField> {
  const mapped = mapTrpcError(error, [...recognitionFields, "filename", "contentBase64"] as const, {
    ...errorOptions,
    online,
  });
  const { filename, contentBase64, ...fields } = mapped.fields;
  const evidence = fields.evidence ?? contentBase64 ?? filename;
  const formErrors = mapped.summary
    .filter((item) => !Object.values(mapped.fields).includes(item.text))
    .map((item) => item.text);
  return toFormErrors(
    recognitionFields,
    { ...fields, ...(evidence ? { evidence } : {}) },
    formErrors,
  );
}

export function mapRecognitionError(error: unknown, online: boolean): FormErrors<RecognitionField> {
  return mapTrpcError(error, recognitionFields, { ...errorOptions, online });
}
