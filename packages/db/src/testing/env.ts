// The one environment variable the test harness reads.
import { z } from "zod";

const TestEnv = z.object({
  /** A PostgreSQL 15+ server to create test databases on (as a role that may create databases and roles). */
  DATABASE_URL: z.string().url().optional(),
});

export const testEnv = TestEnv.parse({ DATABASE_URL: process.env.DATABASE_URL || undefined });
