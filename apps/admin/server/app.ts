// The one Node server: admin portal (Remix), tRPC API, built PWA, health check.
import { existsSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { type ApiDeps, handleTrpcRequest, isForeignRequest } from "@tandem/api";
import compression from "compression";
import express, { type Request as ExpressRequest } from "express";
import type { TandemLoadContext } from "./load-context";

export interface AppOptions {
  deps: ApiDeps;
  ping: () => Promise<boolean>;
  publicUrl: string;
  pwaDir: string;
  /** Absent in tests that exercise only the API, health check and guards. */
  remix?:
    | { mode: "production"; buildDir: string }
    | { mode: "development"; middlewares: express.RequestHandler; loadBuild: () => Promise<ServerBuild> };
  log: (line: string) => void;
}

function addressOf(req: ExpressRequest): string {
  return req.socket.remoteAddress ?? "unknown";
}

function toFetchRequest(req: ExpressRequest, publicUrl: string): Request {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(key, v));
    else if (value !== undefined) headers.set(key, value);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(new URL(req.originalUrl, publicUrl), {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    duplex: hasBody ? "half" : undefined,
  } as RequestInit & { duplex?: "half" });
}

export function createApp(options: AppOptions): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.use(compression());

  app.use((req, res, next) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("X-Frame-Options", "DENY");
    const foreign = isForeignRequest({
      method: req.method,
      origin: req.get("origin") ?? null,
      secFetchSite: req.get("sec-fetch-site") ?? null,
      host: req.get("host") ?? null,
      allowedOrigins: [new URL(options.publicUrl).origin],
    });
    if (foreign) {
      res.status(403).type("text/plain").send("Cross-site requests are not allowed.");
      return;
    }
    next();
  });

  app.get("/healthz", async (_req, res) => {
    const ok = await options.ping();
    res.status(ok ? 200 : 503).json({ status: ok ? "ok" : "unavailable" });
  });

  app.all("/api/trpc/*", async (req, res) => {
    try {
      const response = await handleTrpcRequest(options.deps, toFetchRequest(req, options.publicUrl), {
        address: addressOf(req),
        // Only the procedure path and the error's class are logged: inputs may be confidential.
        onError: (error, procedurePath) =>
          options.log(`[api] ${procedurePath ?? "?"} failed: ${error instanceof Error ? error.name + ": " + error.message : "unknown error"}`),
      });
      res.status(response.status);
      response.headers.forEach((value, key) => {
        if (key !== "set-cookie") res.setHeader(key, value);
      });
      for (const cookie of response.headers.getSetCookie()) res.append("Set-Cookie", cookie);
      res.setHeader("Cache-Control", "no-store");
      res.send(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      options.log(`[api] request failed: ${error instanceof Error ? error.message : "unknown error"}`);
      if (!res.headersSent) res.status(500).json({ error: "Something went wrong on our side." });
    }
  });

  // The PWA: hashed assets cached for a year; the shell, manifest and service worker always revalidated.
  if (existsSync(options.pwaDir)) {
    app.use(
      "/app",
      express.static(options.pwaDir, {
        index: "index.html",
        setHeaders(res, filePath) {
          const base = path.basename(filePath);
          if (filePath.includes(`${path.sep}assets${path.sep}`)) {
            res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
          } else {
            res.setHeader("Cache-Control", "no-cache");
          }
          if (base === "sw.js") res.setHeader("Service-Worker-Allowed", "/app/");
        },
      }),
    );
    app.get(["/app", "/app/*"], (req, res, next) => {
      if (req.path === "/app") {
        res.redirect(301, "/app/");
        return;
      }
      if (path.extname(req.path)) return next();
      res.setHeader("Cache-Control", "no-cache");
      res.sendFile(path.join(options.pwaDir, "index.html"));
    });
  } else {
    app.get(["/app", "/app/*"], (_req, res) => {
      res.status(503).type("text/plain").send("The PWA has not been built. Run `pnpm build`.");
    });
  }

  const getLoadContext = (req: ExpressRequest): TandemLoadContext => ({
    deps: options.deps,
    address: addressOf(req),
  });

  if (!options.remix) return app;
  if (options.remix.mode === "production") {
    const { buildDir } = options.remix;
    app.use(
      "/assets",
      express.static(path.join(buildDir, "client", "assets"), { immutable: true, maxAge: "1y" }),
    );
    app.use(express.static(path.join(buildDir, "client"), { maxAge: "1h" }));
    const buildPath = path.join(buildDir, "server", "index.js");
    app.all("*", createRequestHandler({ build: () => import(buildPath) as Promise<ServerBuild>, getLoadContext }));
  } else {
    app.use(options.remix.middlewares);
    app.all("*", createRequestHandler({ build: options.remix.loadBuild, getLoadContext }));
  }
  return app;
}
