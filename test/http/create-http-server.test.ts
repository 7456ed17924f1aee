import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { Writable } from "node:stream";
import { Hono } from "hono";
import { afterEach, describe, expect, it } from "vitest";
import {
  type AppEnv,
  createHttpServer,
  type HttpServer,
  ListenError,
} from "../../src/http/create-http-server.ts";
import { createLogger } from "../../src/logger.ts";

function setup(overrides: { storage?: () => Promise<boolean>; channels?: Record<string, boolean> } = {}) {
  const logLines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _e, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) logLines.push(JSON.parse(line));
      done();
    },
  });
  const logger = createLogger({ level: "info", destination });
  const server = createHttpServer({
    logger,
    bodyLimitBytes: 1000,
    health: {
      catalogue: () => ({ procedures: 2642, version: "abc123" }),
      storage: overrides.storage ?? (async () => true),
      channels: () => overrides.channels ?? { telegram: true },
    },
  });
  return { server, logLines };
}

const servers: HttpServer[] = [];
async function start(server: HttpServer): Promise<string> {
  servers.push(server);
  const { port } = await server.listen(0, "127.0.0.1");
  return `http://127.0.0.1:${port}`;
}
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

/** A POST without Content-Length (chunked), as a misbehaving client might send. */
function postChunked(url: string, chunks: string[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: "POST", headers: { "content-type": "application/json" } },
      (res) => {
        let body = "";
        res.on("data", (d) => {
          body += d;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    for (const c of chunks) req.write(c);
    req.end();
  });
}

describe("createHttpServer", () => {
  it("reports health as JSON over real HTTP", async () => {
    const { server } = setup();
    const base = await start(server);
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f]{8}$/);
    expect(await res.json()).toEqual({
      status: "ok",
      catalogue: { procedures: 2642, version: "abc123" },
      storage: { reachable: true },
      channels: { telegram: true },
    });
  });

  it("answers 503 when storage is unreachable, and says degraded when a channel is down", async () => {
    const down = setup({ storage: async () => false });
    const res = await down.server.app.request("/healthz");
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: "down", storage: { reachable: false } });

    const failing = setup({ storage: () => Promise.reject(new Error("ECONNREFUSED")) });
    expect((await failing.server.app.request("/healthz")).status).toBe(503);

    const degraded = setup({ channels: { telegram: true, zalo: false } });
    const res2 = await degraded.server.app.request("/healthz");
    expect(res2.status).toBe(200);
    expect(await res2.json()).toMatchObject({
      status: "degraded",
      channels: { telegram: true, zalo: false },
    });
  });

  it("serves the routes channels mount", async () => {
    const { server } = setup();
    server.route("POST", "/webhook/test", async (c) => c.json({ got: await c.req.json() }));
    const base = await start(server);
    const res = await fetch(`${base}/webhook/test`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ update_id: 1, text: "Xin chào" }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ got: { update_id: 1, text: "Xin chào" } });
    // Only the method that was mounted.
    expect((await fetch(`${base}/webhook/test`)).status).toBe(404);
  });

  it("refuses bodies over the limit with 413, with or without Content-Length", async () => {
    const { server } = setup();
    let handled = 0;
    server.route("POST", "/webhook/test", async (c) => {
      await c.req.text();
      handled++;
      return c.json({ ok: true });
    });
    const base = await start(server);
    const big = JSON.stringify({ text: "a".repeat(2000) });
    const res = await fetch(`${base}/webhook/test`, { method: "POST", body: big });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: "payload too large" });
    const chunked = await postChunked(`${base}/webhook/test`, [
      "{",
      `"text":"${"b".repeat(600)}`,
      `${"c".repeat(600)}"}`,
    ]);
    expect(chunked.status).toBe(413);
    expect(handled).toBe(0);
    const small = await fetch(`${base}/webhook/test`, { method: "POST", body: "{}" });
    expect(small.status).toBe(200);
    expect(handled).toBe(1);
  });

  it("answers unknown paths with a JSON 404", async () => {
    const { server } = setup();
    const base = await start(server);
    const res = await fetch(`${base}/wp-admin/../etc/passwd`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: "not found" });
  });

  it("answers a failing handler with 500 and a request id, logging the details only", async () => {
    const { server, logLines } = setup();
    server.route("POST", "/webhook/test", () => {
      throw new Error("database password is hunter2");
    });
    const base = await start(server);
    const res = await fetch(`${base}/webhook/test`, { method: "POST", body: "{}" });
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: string; requestId: string };
    expect(body.error).toBe("internal error");
    expect(JSON.stringify(body)).not.toContain("hunter2");
    expect(body.requestId).toBe(res.headers.get("x-request-id"));
    const logged = logLines.find((l) => l.msg === "http handler failed");
    expect(logged).toMatchObject({ requestId: body.requestId, method: "POST", path: "/webhook/test" });
    expect(JSON.stringify(logged)).toContain("hunter2");
  });

  it("serves every method a staff API needs", async () => {
    const { server } = setup();
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"] as const) {
      server.route(method, "/api/tickets/:id", (c) =>
        c.json({ method: c.req.method, id: c.req.param("id") }),
      );
    }
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
      const res = await server.app.request("/api/tickets/PA-0042", { method });
      expect(await res.json()).toEqual({ method, id: "PA-0042" });
    }
  });

  it("mounts a sub-app under a prefix, with its own middleware, the JSON 404 and the 500 handler", async () => {
    const { server, logLines } = setup();
    const api = new Hono<AppEnv>();
    api.use("*", async (c, next) => {
      if (c.req.header("authorization") !== "Bearer good") return c.json({ error: "unauthorized" }, 401);
      await next();
    });
    api.get("/tickets", (c) => c.json({ tickets: [] }));
    api.get("/broken", () => {
      throw new Error("secret internals");
    });
    server.mount("/api", api);
    const base = await start(server);
    expect((await fetch(`${base}/api/tickets`)).status).toBe(401);
    const ok = await fetch(`${base}/api/tickets`, { headers: { authorization: "Bearer good" } });
    expect(await ok.json()).toEqual({ tickets: [] });
    const missing = await fetch(`${base}/api/nothing-here`, { headers: { authorization: "Bearer good" } });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: "not found" });
    const broken = await fetch(`${base}/api/broken`, { headers: { authorization: "Bearer good" } });
    expect(broken.status).toBe(500);
    expect(await broken.text()).not.toContain("secret internals");
    expect(logLines.some((l) => l.msg === "http handler failed" && l.path === "/api/broken")).toBe(true);
    // /healthz is still the server's own.
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect(() => server.mount("/api", new Hono<AppEnv>())).toThrow(/already mounted/);
    expect(() => server.mount("api/", new Hono<AppEnv>())).toThrow(/prefix/);
  });

  it("refuses to mount the same route twice", () => {
    const { server } = setup();
    server.route("POST", "/webhook/zalo", (c) => c.text("ok"));
    expect(() => server.route("POST", "/webhook/zalo", (c) => c.text("ok"))).toThrow(/already registered/);
    expect(() => server.route("GET", "/healthz", (c) => c.text("ok"))).toThrow(/already registered/);
  });

  it("cuts off a client that never finishes its headers", async () => {
    const logger = createLogger({
      level: "silent",
      destination: new Writable({ write: (_c, _e, done) => done() }),
    });
    const server = createHttpServer({
      logger,
      headersTimeoutMs: 300,
      health: {
        catalogue: () => ({ procedures: 0, version: "" }),
        storage: async () => true,
        channels: () => ({}),
      },
    });
    const base = await start(server);
    const socket = connect(Number(new URL(base).port), "127.0.0.1");
    let answer = "";
    socket.on("data", (d) => {
      answer += d;
    });
    socket.write("POST /webhook/telegram HTTP/1.1\r\nHost: x\r\n");
    const started = Date.now();
    await new Promise<void>((resolve) => socket.on("close", () => resolve()));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it("explains a port that is in use", async () => {
    const first = setup().server;
    const base = await start(first);
    const port = Number(new URL(base).port);
    const second = setup().server;
    const error = await second.listen(port, "127.0.0.1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ListenError);
    expect(String(error)).toContain(`port ${port} on 127.0.0.1 is already in use`);
  });

  it("stops accepting connections after close", async () => {
    const { server } = setup();
    const base = await start(server);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    await server.close();
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    await server.close();
  });
});
