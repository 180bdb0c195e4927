/** Shared formatting: the whole workspace formats one way. */
export default { printWidth: 100, singleQuote: false, trailingComma: "all" };
