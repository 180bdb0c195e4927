import { config } from "@tandem/eslint-config";
export default config({ react: true, restrictImports: ["@tandem/db", "@tandem/api", "@tandem/core", "@tandem/admin", "@tandem/pwa"] });
