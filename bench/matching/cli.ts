// `pnpm match:solve < instance.json > result.json`: solves one assignment instance with the exact
// solver in @tandem/core. Exit 0 solved, 1 bad JSON or invalid instance, 2 unreadable input.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { InvalidInstanceError, parseAssignmentText, solveAssignment } from "@tandem/core";

export type SolveOutcome = { exitCode: 0; stdout: string } | { exitCode: 1 | 2; stderr: string };

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, "; ").trim();

/** Turns the bytes read from stdin into the solver's answer or a one-line reason it could not. */
export function solveInput(bytes: Uint8Array): SolveOutcome {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { exitCode: 2, stderr: "match:solve: stdin is not UTF-8 text" };
  }
  if (text.trim() === "")
    return { exitCode: 2, stderr: "match:solve: stdin is empty: expected an instance as JSON" };

  // The usual shape is read straight into typed arrays (a national instance in a fraction of the
  // memory of JSON.parse); anything else is parsed and checked the general way.
  let result;
  try {
    result = solveAssignment(parseAssignmentText(text));
  } catch (error) {
    if (error instanceof SyntaxError) {
      return {
        exitCode: 1,
        stderr: `match:solve: stdin is not valid JSON: ${oneLine(error.message)}`,
      };
    }
    // Anything else is a bug in the solver: let it surface with its stack.
    if (!(error instanceof InvalidInstanceError) && !isZodError(error)) throw error;
    return { exitCode: 1, stderr: `match:solve: invalid instance: ${oneLine(error.message)}` };
  }
  const score = Math.round(result.score * 1e6) / 1e6 || 0;
  return {
    exitCode: 0,
    stdout: `${JSON.stringify({ assignment: result.assignment, matched: result.matched, score })}\n`,
  };
}

function isZodError(error: unknown): error is Error {
  return error instanceof Error && error.name === "ZodError";
}

function readStdin(): Uint8Array | { error: string } {
  try {
    return readFileSync(0);
  } catch (error) {
    return { error: (error as NodeJS.ErrnoException).code ?? (error as Error).message };
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const input = readStdin();
  const outcome: SolveOutcome =
    input instanceof Uint8Array
      ? solveInput(input)
      : { exitCode: 2, stderr: `match:solve: cannot read stdin (${input.error})` };
  if (outcome.exitCode === 0) process.stdout.write(outcome.stdout);
  else process.stderr.write(`${outcome.stderr}\n`);
  process.exitCode = outcome.exitCode;
}
