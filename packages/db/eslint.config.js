import { config } from "@tandem/eslint-config";
export default config({ restrictImports: ["@tandem/api", "@tandem/ui", "@tandem/admin", "@tandem/pwa"] });
