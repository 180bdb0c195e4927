import { config } from "@tandem/eslint-config";
// The PWA imports the router's type only; a value import of @tandem/api or @tandem/db would drag the server in.
export default config({
  react: true,
  restrictImports: ["@tandem/db", "@tandem/admin"],
  typeOnlyImports: ["@tandem/api"],
});
