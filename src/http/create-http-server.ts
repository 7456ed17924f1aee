/**
 * The one HTTP server, shared by the channels: `GET /healthz`, and the webhook routes channels mount
 * (`POST /webhook/telegram`, `POST /webhook/zalo`). Bodies over the limit get 413, unknown paths a
 * JSON 404, and errors a 500 with a request id and no internals (the details go to the log).
 */
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import { type Context, Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import type { Logger } from "pino";
import { bodyLimit } from "./body-limit.ts";
import { checkHealth, type HealthSource } from "./health.ts";

export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

/** Per-request values set by the server's own middleware. */
export type AppEnv = { Variables: { requestId: string } };

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export type RouteHandler = (c: Context<AppEnv>) => Response | Promise<Response>;

export interface HttpServerOptions {
  logger: Logger;
  health: HealthSource;
  bodyLimitBytes?: number;
  /** Time allowed to send the request headers (default 10 s). */
  headersTimeoutMs?: number;
  /** Time allowed to send the whole request (default 30 s). */
  requestTimeoutMs?: number;
}

export interface HttpServer {
  /** The Hono app, for tests (`app.request(...)`) and for anything `route` cannot express. */
  app: Hono<AppEnv>;
  /** Adds a route, e.g. `route("POST", "/webhook/telegram", handler)`. Call before `listen`. */
  route(method: HttpMethod, path: string, handler: RouteHandler): void;
  /**
   * Mounts a sub-app under a prefix, e.g. `mount("/api", api)` for a staff API with its own
   * middleware (authentication). Unknown paths under it still get the JSON 404.
   */
  mount(prefix: string, subApp: Hono<AppEnv>): void;
  /** Starts listening; resolves with the bound address (port 0 picks a free one). */
  listen(port: number, host: string): Promise<{ port: number; host: string }>;
  close(): Promise<void>;
}

export class ListenError extends Error {}

export function createHttpServer(options: HttpServerOptions): HttpServer {
  const { logger } = options;
  const app = new Hono<AppEnv>();
  const registered = new Set<string>();
  let server: ReturnType<typeof createAdaptorServer> | undefined;

  app.use("*", async (c, next) => {
    const requestId = randomUUID().slice(0, 8);
    c.header("X-Request-Id", requestId);
    c.set("requestId", requestId);
    const started = performance.now();
    await next();
    logger.debug(
      {
        requestId,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      "http request",
    );
  });
  app.use(
    "*",
    bodyLimit({
      maxSize: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES,
      onError: (c) => c.json({ error: "payload too large" }, 413),
    }),
  );

  app.get("/healthz", async (c) => {
    const report = await checkHealth(options.health);
    c.header("Cache-Control", "no-store");
    return c.json(report, report.storage.reachable ? 200 : 503);
  });

  app.notFound((c) => c.json({ error: "not found" }, 404));
  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    const requestId = c.get("requestId");
    logger.error({ err: error, requestId, method: c.req.method, path: c.req.path }, "http handler failed");
    return c.json({ error: "internal error", requestId }, 500);
  });

  return {
    app,
    route(method, path, handler) {
      const key = `${method} ${path}`;
      if (registered.has(key) || path === "/healthz") throw new Error(`route ${key} is already registered`);
      registered.add(key);
      app.on(method, path, handler);
    },
    mount(prefix, subApp) {
      if (!/^\/[a-z0-9][a-z0-9/_-]*$/.test(prefix) || prefix.endsWith("/")) {
        throw new Error(`mount prefix must look like /api or /open311/v2, got '${prefix}'`);
      }
      const key = `MOUNT ${prefix}`;
      if (registered.has(key) || prefix === "/healthz")
        throw new Error(`prefix ${prefix} is already mounted`);
      registered.add(key);
      app.route(prefix, subApp);
    },
    listen(port, host) {
      if (server) return Promise.reject(new Error("the HTTP server is already listening"));
      const created = createAdaptorServer({
        fetch: app.fetch,
        // A client that trickles its request (slowloris) is cut off instead of holding a connection.
        serverOptions: {
          headersTimeout: options.headersTimeoutMs ?? 10_000,
          requestTimeout: options.requestTimeoutMs ?? 30_000,
          connectionsCheckingInterval: Math.min(options.headersTimeoutMs ?? 10_000, 5_000),
        },
      });
      server = created;
      return new Promise((resolve, reject) => {
        created.once("error", (error: NodeJS.ErrnoException) => {
          server = undefined;
          const reason =
            error.code === "EADDRINUSE"
              ? `port ${port} on ${host} is already in use. Stop the other program or set PORT to a free port.`
              : error.code === "EACCES"
                ? `no permission to listen on port ${port}. Use a port above 1023, e.g. PORT=8080.`
                : error.code === "EADDRNOTAVAIL"
                  ? `this machine has no address ${host}. Set HOST=0.0.0.0 or remove it.`
                  : error.message;
          reject(new ListenError(`Cannot start the HTTP server: ${reason}`));
        });
        created.listen(port, host, () => {
          const address = created.address() as AddressInfo;
          resolve({ port: address.port, host });
        });
      });
    },
    async close() {
      const current = server;
      server = undefined;
      if (!current) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          if ("closeAllConnections" in current) current.closeAllConnections();
          resolve();
        }, 3000);
        timer.unref();
        current.close(() => {
          clearTimeout(timer);
          resolve();
        });
        if ("closeIdleConnections" in current) current.closeIdleConnections();
      });
    },
  };
}
