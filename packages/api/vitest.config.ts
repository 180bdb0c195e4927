import { createRequire } from "node:module";
import { failOnConsoleError } from "@tandem/vitest-config";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "src/**/*.test.ts"],
    // One PostgreSQL for the run; each test file gets its own database cloned from a migrated template.
    globalSetup: [require.resolve("@tandem/db/testing/global-setup")],
    setupFiles: [failOnConsoleError],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
