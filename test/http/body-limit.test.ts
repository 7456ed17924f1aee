/**
 * The body limit decides from Content-Length when the request gives one, and counts the bytes of
 * a body streamed without it; either way the handler still reads the whole body.
 */
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { bodyLimit } from "../../src/http/body-limit.ts";

function app() {
  const hono = new Hono();
  hono.use("*", bodyLimit({ maxSize: 64, onError: (c) => c.json({ error: "payload too large" }, 413) }));
  hono.post("/echo", async (c) => c.text(await c.req.text()));
  return hono;
}

const streamOf = (text: string) =>
  new ReadableStream({
    start(controller) {
      for (const part of text.match(/.{1,10}/gsu) ?? []) controller.enqueue(new TextEncoder().encode(part));
      controller.close();
    },
  });

describe("bodyLimit", () => {
  it("lets a body within the limit through, by its Content-Length", async () => {
    const body = JSON.stringify({ update_id: 1, text: "khai sinh" });
    const res = await app().request("/echo", {
      method: "POST",
      body,
      headers: { "content-length": String(Buffer.byteLength(body)) },
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(body);
  });

  it("refuses a declared Content-Length over the limit", async () => {
    const body = "x".repeat(65);
    const res = await app().request("/echo", { method: "POST", body, headers: { "content-length": "65" } });
    expect(res.status).toBe(413);
  });

  it("counts a body streamed without Content-Length", async () => {
    const init = { method: "POST", duplex: "half" } as RequestInit;
    const small = await app().request("/echo", { ...init, body: streamOf("đăng ký kết hôn") });
    expect(small.status).toBe(200);
    expect(await small.text()).toBe("đăng ký kết hôn");
    const large = await app().request("/echo", { ...init, body: streamOf("y".repeat(100)) });
    expect(large.status).toBe(413);
  });
});
