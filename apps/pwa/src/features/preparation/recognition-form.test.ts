import { describe, expect, it } from "vitest";
import { messages } from "../../lib/form-errors";
import {
  checkEvidenceFile,
  dataUrlToBase64,
  evidenceMessages,
  mapRecognitionError,
  mapUploadError,
  toRecognitionRequest,
  validateRecognition,
  type RecognitionValues,
} from "./recognition-form";

const org = "6f1c1d8e-8d4a-4f3e-9a43-0d6f1b5c2a11";
const mod = "0b9f9e44-2f7c-4b55-8a57-3a5f0f2f7d22";
const filled: RecognitionValues = {
  organisationId: org,
  moduleId: mod,
  completedOn: "14/03/2026",
  provider: "  Yorkshire Deanery ",
  evidenceNote: "",
};
const today = "2026-04-01";

function trpcError(code: string, message: string, data: Record<string, unknown> = {}) {
  return { message, data: { code, httpStatus: 400, ...data } };
}

describe("validateRecognition", () => {
  it("asks for each missing field in page order, in the API's words", () => {
    const errors = validateRecognition(
      { organisationId: "", moduleId: "", completedOn: " ", provider: "", evidenceNote: "" },
      undefined,
      { today },
    );
    expect(errors.summary.map((s) => s.href)).toEqual([
      "#organisationId",
      "#moduleId",
      "#completedOn",
      "#provider",
    ]);
    expect(errors.fields.moduleId).toBe("Choose the module it matches");
    expect(errors.fields.completedOn).toBe("Enter the date you completed it");
    expect(errors.fields.provider).toBe("Enter who ran the training");
  });

  it("accepts UK and ISO dates, and refuses impossible or future ones", () => {
    expect(validateRecognition(filled, undefined, { today }).summary).toEqual([]);
    expect(
      validateRecognition({ ...filled, completedOn: "2026-03-14" }, undefined, { today }).summary,
    ).toEqual([]);
    expect(
      validateRecognition({ ...filled, completedOn: "31/02/2026" }, undefined, { today }).fields
        .completedOn,
    ).toMatch(/real date/);
    expect(
      validateRecognition({ ...filled, completedOn: "2026-04-02" }, undefined, { today }).fields
        .completedOn,
    ).toBe("The date you completed it must be today or in the past");
  });

  it("checks the chosen file before uploading it", () => {
    const errors = validateRecognition(filled, { name: "certificate.docx", size: 2000 }, { today });
    expect(errors.summary).toEqual([{ href: "#evidence", text: evidenceMessages.wrongType }]);
  });
});

describe("checkEvidenceFile", () => {
  it.each([
    [{ name: "a.pdf", size: 10 }, undefined],
    [{ name: "A.JPEG", size: 10 }, undefined],
    [{ name: "a.png", size: 0 }, evidenceMessages.empty],
    [{ name: "a.pdf", size: 5 * 1024 * 1024 }, evidenceMessages.tooBig],
    [{ name: "a.gif", size: 10 }, evidenceMessages.wrongType],
  ])("%o -> %s", (file, expected) => {
    expect(checkEvidenceFile(file)).toBe(expected);
  });
});

describe("dataUrlToBase64", () => {
  it("keeps only the base64 content", () => {
    expect(dataUrlToBase64("data:application/pdf;base64,JVBERi0=")).toBe("JVBERi0=");
    expect(dataUrlToBase64("data:text/plain,hello")).toBeNull();
    expect(dataUrlToBase64("JVBERi0=")).toBeNull();
  });
});

describe("toRecognitionRequest", () => {
  it("trims text and leaves out an empty note", () => {
    expect(toRecognitionRequest(filled)).toEqual({
      organisationId: org,
      moduleId: mod,
      completedOn: "14/03/2026",
      provider: "Yorkshire Deanery",
    });
    expect(
      toRecognitionRequest({ ...filled, evidenceNote: " Certificate attached " }, "file-1"),
    ).toMatchObject({
      evidenceNote: "Certificate attached",
      evidenceFileId: "file-1",
    });
  });
});

describe("mapUploadError", () => {
  it("puts the server's file problems on the file field", () => {
    const fromService = mapUploadError(
      trpcError("BAD_REQUEST", evidenceMessages.wrongType, {
        fieldErrors: { evidence: [evidenceMessages.wrongType] },
      }),
      true,
    );
    expect(fromService.fields).toEqual({ evidence: evidenceMessages.wrongType });
    expect(fromService.summary).toEqual([{ href: "#evidence", text: evidenceMessages.wrongType }]);
    const fromSchema = mapUploadError(
      trpcError("BAD_REQUEST", "x", {
        zodError: { fieldErrors: { contentBase64: [evidenceMessages.tooBig] } },
      }),
      true,
    );
    expect(fromSchema.fields).toEqual({ evidence: evidenceMessages.tooBig });
  });

  it("shows a refusal in the server's words and a lost connection in ours", () => {
    const refused = mapUploadError(
      trpcError("FORBIDDEN", "You are not a mentor in a scheme of that organisation"),
      true,
    );
    expect(refused.summary).toEqual([
      { href: "#organisationId", text: "You are not a mentor in a scheme of that organisation" },
    ]);
    expect(mapUploadError(new TypeError("Failed to fetch"), false).summary[0]?.text).toBe(
      messages.offline,
    );
  });
});

describe("mapRecognitionError", () => {
  it("puts field errors from the API next to their fields", () => {
    const errors = mapRecognitionError(
      trpcError("BAD_REQUEST", "x", {
        fieldErrors: { completedOn: ["The completion date is in the future"] },
      }),
      true,
    );
    expect(errors.fields).toEqual({ completedOn: "The completion date is in the future" });
  });

  it("tells a signed-out person to sign in again", () => {
    expect(mapRecognitionError(trpcError("UNAUTHORIZED", "x"), true).summary[0]?.text).toBe(
      messages.signedOut,
    );
  });
});
