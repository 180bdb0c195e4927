import { config } from "@tandem/eslint-config";
// Benchmarks measure the pure domain only: no database, API or apps.
export default config({
  restrictImports: ["@tandem/db", "@tandem/api", "@tandem/ui", "@tandem/admin", "@tandem/pwa"],
});
