import { config } from "@tandem/eslint-config";
// The PWA imports the router's type only; a value import of @tandem/db or @tandem/api would drag the server in.
export default config({ react: true, restrictImports: ["@tandem/db", "@tandem/admin", "@tandem/core"] });
