// @tandem/vitest-config is plain JavaScript without declarations.
declare module "@tandem/vitest-config" {
  export const failOnConsoleError: string;
}
