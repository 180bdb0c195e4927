import { config } from "@tandem/eslint-config";
export default config({ react: true, restrictImports: ["@tandem/pwa"] });
