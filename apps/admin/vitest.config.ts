import { createRequire } from "node:module";
import { failOnConsoleError } from "@tandem/vitest-config";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "app/**/*.test.ts"],
    globalSetup: [require.resolve("@tandem/db/testing/global-setup")],
    setupFiles: [failOnConsoleError],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
