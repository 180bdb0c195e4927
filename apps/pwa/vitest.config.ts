import { failOnConsoleError } from "@tandem/vitest-config";
import { defineConfig } from "vitest/config";

// Kept apart from vite.config.ts so unit tests do not run the PWA plugin.
export default defineConfig({
  test: {
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: [failOnConsoleError],
  },
});
