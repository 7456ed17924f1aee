/**
 * The Bot API client grammY sends through: against a real HTTP server on loopback, it sends
 * grammY's JSON and streamed bodies, reads the answer, reuses its connection and stops on abort.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createBotApiFetch } from "../../../src/channels/telegram/http-fetch.ts";

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

let server: Server;
let base: string;
let received: Received[];
let connections: number;
let answer: (req: IncomingMessage, res: ServerResponse) => void;

beforeEach(async () => {
  received = [];
  connections = 0;
  answer = (_req, res) => {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ ok: true, result: { message_id: 7, text: "Đã nhận" } }));
  };
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      answer(req, res);
    });
  });
  server.on("connection", () => connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("createBotApiFetch", () => {
  it("posts a JSON body and reads the JSON answer", async () => {
    const fetch = createBotApiFetch();
    const body = JSON.stringify({ chat_id: 42, text: "Thủ tục đăng ký khai sinh <b>cần</b> gì?" });
    const res = await fetch(`${base}/bot123:abc/sendMessage`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    expect(res.ok).toBe(true);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, result: { message_id: 7, text: "Đã nhận" } });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ method: "POST", url: "/bot123:abc/sendMessage", body });
    expect(received[0]!.headers["content-type"]).toBe("application/json");
    expect(Number(received[0]!.headers["content-length"])).toBe(Buffer.byteLength(body));
    fetch.close();
  });

  it("keeps one connection for calls made one after another", async () => {
    const fetch = createBotApiFetch();
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${base}/bot1:a/sendMessage`, { method: "POST", body: `{"n":${i}}` });
      await res.json();
    }
    expect(received.map((r) => r.body)).toEqual(['{"n":0}', '{"n":1}', '{"n":2}']);
    expect(connections).toBe(1);
    fetch.close();
  });

  it("sends a streamed body (file uploads) in full", async () => {
    const fetch = createBotApiFetch();
    const parts = ["--b\r\n", 'content-disposition: form-data; name="chat_id"\r\n\r\n42\r\n', "--b--\r\n"];
    const res = await fetch(`${base}/bot1:a/sendPhoto`, {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=b" },
      body: Readable.from(parts.map((p) => Buffer.from(p))),
    });
    expect(res.ok).toBe(true);
    expect(received[0]!.body).toBe(parts.join(""));
    fetch.close();
  });

  it("returns error statuses with their body, as grammY expects", async () => {
    answer = (_req, res) => {
      res.statusCode = 429;
      res.end(JSON.stringify({ ok: false, error_code: 429, parameters: { retry_after: 3 } }));
    };
    const fetch = createBotApiFetch();
    const res = await fetch(`${base}/bot1:a/sendMessage`, { method: "POST", body: "{}" });
    expect(res.ok).toBe(false);
    expect(res.status).toBe(429);
    expect(await res.json()).toMatchObject({ error_code: 429, parameters: { retry_after: 3 } });
    fetch.close();
  });

  it("rejects with an AbortError when the signal aborts before the answer", async () => {
    answer = () => {}; // never answers
    const fetch = createBotApiFetch();
    const controller = new AbortController();
    const pending = fetch(`${base}/bot1:a/sendMessage`, {
      method: "POST",
      body: "{}",
      signal: controller.signal,
    });
    await expect.poll(() => received.length).toBe(1);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    fetch.close();
  });

  it("does not send at all when the signal is already aborted", async () => {
    const fetch = createBotApiFetch();
    await expect(
      fetch(`${base}/bot1:a/sendMessage`, { method: "POST", body: "{}", signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ name: "AbortError" });
    expect(received).toHaveLength(0);
    fetch.close();
  });

  it("rejects when the server cannot be reached", async () => {
    const fetch = createBotApiFetch();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await expect(fetch(`${base}/bot1:a/getMe`)).rejects.toMatchObject({ code: "ECONNREFUSED" });
    fetch.close();
    server = createServer().listen(0); // for afterEach
  });
});
