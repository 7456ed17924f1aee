import { describe, expect, it } from "vitest";
import { createHttpServer } from "../../src/http/create-http-server.ts";
import { createStaffApi, tokenMatches } from "../../src/http/staff-api.ts";
import { captureLogs } from "../support/telegram-harness.ts";

const TOKEN = "aaaaaaaaaaaaaaaa0123456789abcdef";

function server(token: string | null) {
  const http = createHttpServer({
    logger: captureLogs().logger,
    health: {
      catalogue: () => ({ procedures: 1, version: "v" }),
      storage: async () => true,
      channels: () => ({}),
    },
  });
  const api = createStaffApi(token);
  api.get("/ping", (c) => c.json({ pong: true }));
  http.mount("/api", api);
  return http;
}

describe("/api bearer auth", () => {
  it("lets the right token through", async () => {
    const res = await server(TOKEN).app.request("/api/ping", {
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ pong: true });
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 401 with a JSON error for a missing, wrong or malformed token", async () => {
    const app = server(TOKEN).app;
    for (const headers of <Record<string, string>[]>[
      {},
      { Authorization: `Bearer ${TOKEN}x` },
      { Authorization: `Basic ${TOKEN}` },
      { Authorization: "Bearer" },
      { Authorization: `Bearer ${TOKEN.slice(0, -1)}` },
    ]) {
      const res = await app.request("/api/ping", { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(await res.json()).toMatchObject({ error: "unauthorized" });
    }
    // Unknown paths are not revealed without the token either.
    expect((await app.request("/api/nothing")).status).toBe(401);
    expect(
      (await app.request("/api/nothing", { headers: { Authorization: `Bearer ${TOKEN}` } })).status,
    ).toBe(404);
  });

  it("is switched off with a clear 503 when API_TOKEN is unset", async () => {
    const res = await server(null).app.request("/api/ping", {
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ error: "api disabled" });
  });

  it("compares tokens exactly", () => {
    expect(tokenMatches(TOKEN, TOKEN)).toBe(true);
    expect(tokenMatches(TOKEN.toUpperCase(), TOKEN)).toBe(false);
    expect(tokenMatches("", TOKEN)).toBe(false);
    expect(tokenMatches(undefined, TOKEN)).toBe(false);
  });
});
