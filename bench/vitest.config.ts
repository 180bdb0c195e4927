import { failOnConsoleError } from "@tandem/vitest-config";
import { defineConfig } from "vitest/config";

export default defineConfig({ test: { setupFiles: [failOnConsoleError], testTimeout: 30_000 } });
