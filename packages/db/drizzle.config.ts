import { defineConfig } from "drizzle-kit";

// Only `drizzle-kit generate` uses this (it needs no database); migrations run from the server at start.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/schema/index.ts",
  out: "./migrations",
});
