import { config } from "@tandem/eslint-config";
export default config({ restrictImports: ["@tandem/ui", "@tandem/admin", "@tandem/pwa"] });
