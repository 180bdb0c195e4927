import { failOnConsoleError } from "@tandem/vitest-config";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "src/**/*.test.ts"],
    globalSetup: ["./src/testing/global-setup.ts"],
    setupFiles: [failOnConsoleError],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
