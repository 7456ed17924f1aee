import { describe, expect, it } from "vitest";
import { createZaloWebhookHandler, type WebhookVerdict } from "../../../src/channels/zalo/webhook.ts";
import { captureLogs } from "../../support/zalo-harness.ts";

const SECRET = "zalo-webhook-Secret_0123456789";
const BODY = JSON.stringify({
  ok: true,
  result: {
    event_name: "message.text.received",
    message: {
      message_id: "1",
      date: 1,
      from: { id: "u" },
      chat: { id: "u", chat_type: "PRIVATE" },
      text: "hi",
    },
  },
});

function setup(verdict: WebhookVerdict = "accepted", accepting = true) {
  const bodies: unknown[] = [];
  const { logger, capture } = captureLogs();
  const handler = createZaloWebhookHandler({
    secret: SECRET,
    logger,
    maxBodyBytes: 1000,
    accepting: () => accepting,
    accept: (body) => {
      bodies.push(body);
      return verdict;
    },
  });
  return { handler, bodies, logs: capture };
}

function post(
  body: string | ReadableStream<Uint8Array> | null,
  headers: Record<string, string> = {},
  method = "POST",
): Request {
  return new Request("http://127.0.0.1/webhook/zalo", {
    method,
    headers: { "content-type": "application/json", "x-bot-api-secret-token": SECRET, ...headers },
    ...(body !== null && { body, duplex: "half" }),
  } as RequestInit);
}

describe("createZaloWebhookHandler", () => {
  it("accepts a valid update with 200 and hands over the parsed body", async () => {
    const { handler, bodies } = setup();
    const response = await handler(post(BODY, { "content-type": "application/json; charset=UTF-8" }));
    expect(response.status).toBe(200);
    expect(bodies).toEqual([JSON.parse(BODY)]);
  });

  it.each(["GET", "PUT", "DELETE"])("refuses %s with 405", async (method) => {
    const { handler, bodies } = setup();
    const response = await handler(post(method === "GET" ? null : BODY, {}, method));
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect(bodies).toHaveLength(0);
  });

  it("answers an empty probe with 200 without the secret and without processing", async () => {
    const { handler, bodies } = setup();
    expect((await handler(post(null, { "x-bot-api-secret-token": "" }))).status).toBe(200);
    expect((await handler(post("  \n", { "content-type": "" }))).status).toBe(200);
    expect(bodies).toHaveLength(0);
  });

  it("refuses wrong secrets of any length with 403", async () => {
    const { handler, bodies, logs } = setup();
    for (const secret of ["x", `${SECRET}x`, SECRET.replace(/9$/, "8"), SECRET.toUpperCase()]) {
      expect((await handler(post(BODY, { "x-bot-api-secret-token": secret }))).status).toBe(403);
    }
    expect(bodies).toHaveLength(0);
    expect(logs.lines.join("")).not.toContain(SECRET);
  });

  it("refuses a body over the limit, declared or streamed, with 413", async () => {
    const { handler, bodies } = setup();
    const big = JSON.stringify({ text: "a".repeat(2000) });
    expect((await handler(post(big))).status).toBe(413);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 5; i++) controller.enqueue(new TextEncoder().encode("a".repeat(300)));
        controller.close();
      },
    });
    expect((await handler(post(stream))).status).toBe(413);
    expect(bodies).toHaveLength(0);
  });

  it("refuses a body that is not JSON (415) or not valid JSON (400)", async () => {
    const { handler, bodies } = setup();
    expect((await handler(post(BODY, { "content-type": "text/plain" }))).status).toBe(415);
    expect((await handler(post(BODY, { "content-type": "application/x-www-form-urlencoded" }))).status).toBe(
      415,
    );
    expect((await handler(post("{oops"))).status).toBe(400);
    expect(bodies).toHaveLength(0);
  });

  it("answers 400 for a malformed update and 200 for ignored or duplicate ones", async () => {
    expect((await setup("malformed").handler(post(BODY))).status).toBe(400);
    expect((await setup("ignored").handler(post(BODY))).status).toBe(200);
    expect((await setup("duplicate").handler(post(BODY))).status).toBe(200);
    expect((await setup("unavailable").handler(post(BODY))).status).toBe(503);
  });

  it("answers 503 while the channel is not accepting", async () => {
    const { handler, bodies } = setup("accepted", false);
    expect((await handler(post(BODY))).status).toBe(503);
    expect(bodies).toHaveLength(0);
  });
});
