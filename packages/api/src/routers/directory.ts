// The public directory: no sign-in needed.
import { DirectorySchemeRef } from "@tandem/core";
import { directoryScheme, listDirectory } from "../services/directory";
import { publicProcedure, router } from "../trpc";

export const directoryRouter = router({
  list: publicProcedure.query(({ ctx }) => listDirectory(ctx.db)),
  scheme: publicProcedure.input(DirectorySchemeRef).query(({ ctx, input }) => directoryScheme(ctx.db, input)),
});
