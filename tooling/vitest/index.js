// Shared test setup: console.error fails a test, so an unexpected error is never silent.
export const failOnConsoleError = new URL("./fail-on-console-error.js", import.meta.url).pathname;
