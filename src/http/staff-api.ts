/**
 * The staff HTTP API under `/api`: one Hono sub-app whose every route needs
 * `Authorization: Bearer <API_TOKEN>` (compared in constant time). Without API_TOKEN the API is
 * switched off and every path under it answers 503 with a JSON explanation.
 *
 * Capabilities add their routes on the returned app (`api.route("/tickets", tickets)`,
 * `api.route("/broadcasts", broadcasts)`) BEFORE main.ts mounts it with `http.mount("/api", api)`:
 * Hono copies a sub-app's routes when it is mounted.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { Hono, type MiddlewareHandler } from "hono";
import type { AppEnv } from "./create-http-server.ts";

/** Whether `given` is `expected`, in time that does not depend on where they differ. */
export function tokenMatches(given: string | undefined | null, expected: string): boolean {
  if (typeof given !== "string" || given.length === 0 || given.length > 1024) return false;
  // Hash both so the comparison is over equal lengths and leaks no length either.
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The middleware: 401 with a JSON error and `WWW-Authenticate` unless the bearer token matches. */
export function bearerAuth(token: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header("authorization");
    const match = header === undefined ? null : /^Bearer[ ]+(\S+)\s*$/i.exec(header);
    if (!match || !tokenMatches(match[1], token)) {
      c.header("WWW-Authenticate", 'Bearer realm="hoi-thu-tuc"');
      c.header("Cache-Control", "no-store");
      return c.json(
        { error: "unauthorized", message: "Send the header Authorization: Bearer <API_TOKEN>." },
        401,
      );
    }
    c.header("Cache-Control", "no-store");
    await next();
  };
}

/** The `/api` sub-app, guarded by `apiToken`, or answering 503 on every path when it is null. */
export function createStaffApi(apiToken: string | null): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  if (apiToken === null) {
    api.all("*", (c) =>
      c.json({ error: "api disabled", message: "The staff API is off: set API_TOKEN to turn it on." }, 503),
    );
    return api;
  }
  api.use("*", bearerAuth(apiToken));
  return api;
}
