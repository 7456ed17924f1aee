import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ZaloApiError } from "../../../src/channels/zalo/api-error.ts";
import { createZaloClient, type ZaloClient } from "../../../src/channels/zalo/client.ts";
import { startZaloApiStandIn, type ZaloApiStandIn } from "../../support/zalo-api-stand-in.ts";
import { zaloText } from "../../support/zalo-updates.ts";

let stand: ZaloApiStandIn;
let client: ZaloClient;

beforeAll(async () => {
  stand = await startZaloApiStandIn({ maxPollWaitMs: 150 });
  client = createZaloClient({ token: stand.token, apiRoot: stand.apiRoot, timeoutMs: 2000 });
});
afterAll(() => stand.close());
beforeEach(() => {
  stand.clear();
  stand.emptyPoll = "http408";
});

/** The error thrown by `promise`, which must reject. */
async function failure(promise: Promise<unknown>): Promise<ZaloApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ZaloApiError);
    return error as ZaloApiError;
  }
  throw new Error("expected the call to fail");
}

function expectNoToken(error: Error, token: string) {
  const secret = token.slice(token.indexOf(":") + 1);
  for (const text of [error.message, String(error.stack), JSON.stringify(error)]) {
    expect(text).not.toContain(token);
    expect(text).not.toContain(secret);
  }
}

describe("Zalo client against the stand-in", () => {
  it("posts JSON to /bot<token>/<method> and parses getMe", async () => {
    const me = await client.getMe();
    expect(me).toMatchObject({ id: "1459232241454765289", account_type: "BASIC", can_join_groups: false });
    expect(stand.callsOf("getMe")).toHaveLength(1);
  });

  it("splits a long message at 2,000 UTF-16 units, without breaking words or emoji", async () => {
    const sentence = "Bạn mang theo căn cước công dân và tờ khai 🙏 ";
    const text = sentence.repeat(120).trim(); // ~5,400 units
    const sent = await client.sendMessage("6ae4f1c2b3d4e5f60718", text);
    const texts = stand.textsTo("6ae4f1c2b3d4e5f60718");
    expect(sent).toHaveLength(texts.length);
    expect(texts.length).toBe(3);
    for (const chunk of texts) {
      expect(chunk.length).toBeLessThanOrEqual(2000);
      // Cut between words: each chunk starts and ends with a whole word of the sentence.
      const vocabulary = sentence.trim().split(" ");
      expect(vocabulary).toContain(chunk.split(" ")[0]);
      expect(vocabulary).toContain(chunk.split(" ").at(-1));
    }
    expect(texts.join(" ")).toBe(text);
    expect(sent[0]?.message_id).toMatch(/^[0-9a-f]{20}$/);
  });

  it("sends nothing for blank text", async () => {
    expect(await client.sendMessage("6ae4f1c2b3d4e5f60718", "  \n ")).toEqual([]);
    expect(stand.callsOf("sendMessage")).toHaveLength(0);
  });

  it("normalises a string error_code sent with HTTP 200 and ok:false", async () => {
    stand.failNext("sendMessage", {
      kind: "error",
      httpStatus: 200,
      errorCode: "400",
      description: "Bad request",
    });
    const error = await failure(client.sendMessage("abc", "Xin chào"));
    expect(error).toMatchObject({ kind: "api", code: 400, httpStatus: 200, method: "sendMessage" });
    expect(error.retryable).toBe(false);
  });

  it("reports an nginx HTML 429 as code 429, retryable, without the body or the token", async () => {
    stand.failNext("sendMessage", { kind: "html429" });
    const error = await failure(client.sendMessage("abc", "Xin chào"));
    expect(error).toMatchObject({ kind: "http", code: 429, httpStatus: 429 });
    expect(error.retryable).toBe(true);
    expect(error.message).not.toContain("<html>");
    expectNoToken(error, stand.token);
  });

  it("keeps the token out of errors even when the server echoes it", async () => {
    stand.failNext("sendMessage", {
      kind: "error",
      httpStatus: 502,
      errorCode: 502,
      description: `upstream error for /bot${stand.token}/sendMessage`,
    });
    const error = await failure(client.sendMessage("abc", "Xin chào"));
    expect(error.code).toBe(502);
    expect(error.message).toContain("[token]");
    expectNoToken(error, stand.token);
  });

  it("reports a refused token as 401 (unauthorized)", async () => {
    const wrong = createZaloClient({
      token: "1459232241454765289:wrong-token-value",
      apiRoot: stand.apiRoot,
    });
    const error = await failure(wrong.getMe());
    expect(error.unauthorized).toBe(true);
    expectNoToken(error, "1459232241454765289:wrong-token-value");
  });

  it("treats a wrongly cased method as the API's 404 inside HTTP 200", async () => {
    const error = await failure(client.call("getme", {}, (await import("zod")).z.unknown()));
    expect(error).toMatchObject({ kind: "api", code: 404, httpStatus: 200 });
  });

  describe("getUpdates", () => {
    it("returns the single update object (not an array)", async () => {
      const update = zaloText("6ae4f1c2b3d4e5f60718", "làm căn cước cần gì");
      stand.pushUpdate(update);
      expect(await client.getUpdates({ timeoutSeconds: 30 })).toEqual(update);
      expect(stand.callsOf("getUpdates")[0]?.params).toEqual({ timeout: "30" });
    });

    it.each(["http408", "string408", "emptyResult"] as const)(
      "returns undefined for an empty poll answered as %s",
      async (style) => {
        stand.emptyPoll = style;
        expect(await client.getUpdates({ timeoutSeconds: 1 })).toBeUndefined();
        expect(stand.callsOf("getUpdates")).toHaveLength(1);
      },
    );

    it("still throws other errors", async () => {
      stand.failNext("getUpdates", { kind: "error", httpStatus: 500, errorCode: 500, description: "oops" });
      expect((await failure(client.getUpdates())).code).toBe(500);
    });
  });

  describe("webhook methods", () => {
    it("reports no webhook when getWebhookInfo answers 404, and the URL once set", async () => {
      await client.deleteWebhook();
      expect(await client.getWebhookInfo()).toEqual({ url: "" });
      // Nothing listens on port 9 of 127.0.0.1: verification fails, the URL is saved anyway.
      const info = await client.setWebhook({
        url: "http://127.0.0.1:9/webhook/zalo",
        secretToken: "s3cret-value",
      });
      expect(info.url).toBe("http://127.0.0.1:9/webhook/zalo");
      expect(info.verification?.ok).toBe(false);
      expect((await client.getWebhookInfo()).url).toBe("http://127.0.0.1:9/webhook/zalo");
      expect(stand.webhook?.secret).toBe("s3cret-value");
      await client.deleteWebhook();
      expect(stand.webhook).toBeUndefined();
    });

    it("refuses a secret outside 8–256 characters before calling", async () => {
      await expect(
        client.setWebhook({ url: "https://example.gov.vn/w", secretToken: "short" }),
      ).rejects.toThrow(RangeError);
      expect(stand.callsOf("setWebhook")).toHaveLength(0);
    });
  });

  describe("sendPhoto and sendChatAction", () => {
    it("sends a photo by URL, and a caption over 2,000 units continues as messages", async () => {
      const caption = "Mẫu tờ khai đăng ký khai sinh. ".repeat(100).trim();
      const sent = await client.sendPhoto("abc", "https://example.gov.vn/mau.png", caption);
      const photo = stand.callsOf("sendPhoto")[0];
      expect(photo?.params.photo).toBe("https://example.gov.vn/mau.png");
      expect(String(photo?.params.caption).length).toBeLessThanOrEqual(2000);
      expect(sent.length).toBe(1 + stand.callsOf("sendMessage").length);
      expect(stand.callsOf("sendMessage").length).toBeGreaterThan(0);
    });

    it("leaves out an empty caption and refuses a non-http photo", async () => {
      await client.sendPhoto("abc", "https://example.gov.vn/mau.png", "");
      expect(stand.callsOf("sendPhoto")[0]?.params).toEqual({
        chat_id: "abc",
        photo: "https://example.gov.vn/mau.png",
      });
      await expect(client.sendPhoto("abc", "file:///etc/passwd")).rejects.toThrow(TypeError);
    });

    it("sends a typing action (answer without result)", async () => {
      await client.sendChatAction("abc", "typing");
      expect(stand.callsOf("sendChatAction")[0]?.params).toEqual({ chat_id: "abc", action: "typing" });
    });
  });

  describe("time-outs and network errors", () => {
    it("times out a call that never gets an answer", async () => {
      stand.failNext("getMe", { kind: "hang" });
      const error = await failure(client.getMe({ timeoutMs: 200 }));
      expect(error.kind).toBe("timeout");
      expect(error.retryable).toBe(true);
    });

    it("reports the caller's abort as aborted", async () => {
      stand.failNext("getMe", { kind: "hang" });
      const controller = new AbortController();
      const call = client.getMe({ signal: controller.signal });
      setTimeout(() => controller.abort(), 50);
      expect((await failure(call)).kind).toBe("aborted");
    });

    it("reports a refused connection as a network error without the URL", async () => {
      const server = createServer();
      server.listen(0, "127.0.0.1");
      await once(server, "listening");
      const port = (server.address() as AddressInfo).port;
      await new Promise((resolve) => server.close(resolve));
      const offline = createZaloClient({ token: stand.token, apiRoot: `http://127.0.0.1:${port}` });
      const error = await failure(offline.getMe());
      expect(error.kind).toBe("network");
      expect(error.message).not.toContain("127.0.0.1");
      expectNoToken(error, stand.token);
    });

    it("reports a non-envelope JSON answer as malformed", async () => {
      const server = createServer((_req, res) => res.end('{"hello":"world"}'));
      server.listen(0, "127.0.0.1");
      await once(server, "listening");
      const odd = createZaloClient({
        token: stand.token,
        apiRoot: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      });
      expect((await failure(odd.getMe())).kind).toBe("malformed");
      await new Promise((resolve) => server.close(resolve));
    });
  });
});
