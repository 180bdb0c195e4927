#!/usr/bin/env node
// `pnpm match:solve < instance.json > result.json`: a package binary rather than a script, so pnpm
// prints no banner on stdout and the result file holds only the result.
import { register } from "tsx/esm/api";

register();
await import("./cli.ts");
