// Shared lint rules. Import direction and "no process.env outside env.ts" are enforced here.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/**
 * @param {{ restrictImports?: string[], typeOnlyImports?: string[], react?: boolean, envFiles?: string[] }} options
 * `typeOnlyImports`: packages this one may import types from but never values (the PWA and the API).
 */
export function config(options = {}) {
  const restricted = (options.restrictImports ?? []).map((name) => ({
    group: [name, `${name}/*`],
    message: "Imports point one way: apps -> api -> core and db; apps -> ui; core imports nothing of ours.",
  }));
  const typeOnly = (options.typeOnlyImports ?? []).map((name) => ({
    group: [name, `${name}/*`],
    allowTypeImports: true,
    message: "Import only types from here: a value import would pull server code into the browser.",
  }));
  return tseslint.config(
    { ignores: ["**/build/**", "**/dist/**", "**/.turbo/**", "**/node_modules/**", "**/*.config.*", "**/dev-dist/**", "**/.cache/**", "**/test-results/**"] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
      languageOptions: { globals: { ...globals.node, ...globals.browser } },
      rules: {
        "@typescript-eslint/consistent-type-imports": ["error", { prefer: "type-imports", fixStyle: "inline-type-imports" }],
        "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
        "no-restricted-imports": "off",
        "@typescript-eslint/no-restricted-imports":
          restricted.length + typeOnly.length ? ["error", { patterns: [...restricted, ...typeOnly] }] : "off",
        "no-restricted-properties": [
          "error",
          { object: "process", property: "env", message: "Read configuration through env.ts (parsed by zod)." },
        ],
      },
    },
    {
      files: options.envFiles ?? ["**/env.ts", "**/*.config.ts", "**/e2e/**", "**/test/**", "**/*.test.ts", "**/scripts/**"],
      rules: { "no-restricted-properties": "off" },
    },
    ...(options.react
      ? [{ plugins: { "react-hooks": reactHooks }, rules: reactHooks.configs.recommended.rules }]
      : []),
  );
}
