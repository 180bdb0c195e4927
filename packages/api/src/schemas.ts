// Building blocks of output schemas: every procedure declares what it returns, so nothing leaves the
// API that the schema does not name (zod strips the rest) and tests can walk what each tier returns.
import { z } from "zod";

export const Uuid = z.string().uuid();
export const Ok = z.object({ ok: z.literal(true) });
export const Timestamp = z.date();
/** An ISO date without a time, e.g. "2026-03-14". */
export const DateOnly = z.string();

/** An input id, with a message that says what to choose. */
export const Id = (what: string) => z.string({ required_error: `Choose ${what}` }).uuid(`Choose ${what}`);
