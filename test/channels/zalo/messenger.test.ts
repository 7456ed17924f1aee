import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createZaloClient } from "../../../src/channels/zalo/client.ts";
import { createZaloMessenger, zaloChatId } from "../../../src/channels/zalo/messenger.ts";
import type { Messenger } from "../../../src/core/ports.ts";
import { startZaloApiStandIn, type ZaloApiStandIn } from "../../support/zalo-api-stand-in.ts";
import { captureLogs } from "../../support/zalo-harness.ts";

const CHAT = "2d758cb5e222177a4e35";
let api: ZaloApiStandIn;
let messenger: Messenger;

beforeAll(async () => {
  api = await startZaloApiStandIn();
  messenger = createZaloMessenger({
    client: createZaloClient({ token: api.token, apiRoot: api.apiRoot }),
    logger: captureLogs().logger,
    choiceHint: (count) => `Trả lời bằng số từ 1 đến ${count}.`,
  });
});
afterAll(() => api.close());
beforeEach(() => api.clear());

describe("zaloChatId", () => {
  it("takes the chat id out of a zalo: address only", () => {
    expect(zaloChatId(`zalo:${CHAT}`)).toBe(CHAT);
    expect(zaloChatId("telegram:123")).toBeUndefined();
    expect(zaloChatId("zalo:" as `${string}:${string}`)).toBeUndefined();
  });
});

describe("createZaloMessenger", () => {
  it("sends consecutive replies together as plain text, choices numbered with the hint", async () => {
    await messenger.send(`zalo:${CHAT}`, [
      {
        kind: "message",
        blocks: [
          { kind: "heading", text: "Đăng ký kết hôn" },
          { kind: "paragraph", text: "Lệ phí: miễn." },
        ],
      },
      {
        kind: "message",
        blocks: [{ kind: "paragraph", text: "Thông tin này có giúp ích không?" }],
        choices: [
          { id: "v:up", label: "Có" },
          { id: "v:down", label: "Không" },
        ],
      },
    ]);
    expect(api.textsTo(CHAT)).toEqual([
      "Đăng ký kết hôn\nLệ phí: miễn.\n\nThông tin này có giúp ích không?\n\n1. Có\n2. Không\nTrả lời bằng số từ 1 đến 2.",
    ]);
  });

  it("ends a message after choices and around photos, so numbers come last", async () => {
    await messenger.send(`zalo:${CHAT}`, [
      {
        kind: "message",
        blocks: [{ kind: "paragraph", text: "Đã đổi sang tiếng Việt." }],
        choices: [{ id: "a", label: "Có" }],
      },
      { kind: "message", blocks: [{ kind: "paragraph", text: "Mẫu tờ khai:" }] },
      { kind: "photo", url: "https://example.gov.vn/mau.png" },
      { kind: "message", blocks: [{ kind: "paragraph", text: "Bạn cần gì thêm?" }] },
    ]);
    expect(api.calls.map((c) => c.method)).toEqual([
      "sendMessage",
      "sendMessage",
      "sendPhoto",
      "sendMessage",
    ]);
    expect(api.textsTo(CHAT)).toEqual([
      "Đã đổi sang tiếng Việt.\n\n1. Có\nTrả lời bằng số từ 1 đến 1.",
      "Mẫu tờ khai:",
      "Bạn cần gì thêm?",
    ]);
  });

  it("splits a long reply into messages of at most 2,000 units", async () => {
    const items = Array.from(
      { length: 80 },
      (_, i) => `Giấy tờ số ${i + 1}: bản sao có chứng thực hoặc bản chính để đối chiếu`,
    );
    await messenger.send(`zalo:${CHAT}`, [{ kind: "message", blocks: [{ kind: "list", items }] }]);
    const texts = api.textsTo(CHAT);
    expect(texts.length).toBeGreaterThan(1);
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(2000);
    expect(texts.join("\n").split("\n")).toHaveLength(80);
  });

  it("sends a photo by URL, and its caption and URL as text when Zalo refuses the photo", async () => {
    await messenger.send(`zalo:${CHAT}`, [
      { kind: "photo", url: "https://example.gov.vn/mau.png", caption: "Mẫu tờ khai" },
    ]);
    expect(api.callsOf("sendPhoto")[0]?.params).toMatchObject({
      photo: "https://example.gov.vn/mau.png",
      caption: "Mẫu tờ khai",
    });
    api.failNext("sendPhoto", {
      kind: "error",
      httpStatus: 400,
      errorCode: 400,
      description: "Bad request: photo is invalid",
    });
    await messenger.send(`zalo:${CHAT}`, [
      { kind: "photo", url: "https://example.gov.vn/x.png", caption: "Ảnh" },
    ]);
    expect(api.textsTo(CHAT)).toEqual(["Ảnh\nhttps://example.gov.vn/x.png"]);
  });

  it("skips an empty message and refuses another channel's address", async () => {
    await messenger.send(`zalo:${CHAT}`, [{ kind: "message", blocks: [] }]);
    expect(api.callsOf("sendMessage")).toHaveLength(0);
    await expect(messenger.send("telegram:1", [])).rejects.toThrow(/Not a Zalo address/);
  });

  it("passes on errors other than a refused photo (the channel logs them)", async () => {
    api.failNext("sendMessage", { kind: "html429" });
    await expect(
      messenger.send(`zalo:${CHAT}`, [{ kind: "message", blocks: [{ kind: "paragraph", text: "x" }] }]),
    ).rejects.toMatchObject({ code: 429 });
  });
});
