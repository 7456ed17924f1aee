import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import {
  cleanText,
  MAX_INBOUND_TEXT,
  parseCommand,
  toInboundEvent,
} from "../../../src/channels/telegram/to-event.ts";
import {
  callbackUpdate,
  citizen,
  messageUpdate,
  photoUpdate,
  stickerUpdate,
  textUpdate,
  voiceUpdate,
} from "../../support/telegram-updates.ts";

const BOT = "hoi_thu_tuc_bot";
const NOW = 1_780_000_000_000;
const translate = (body: Omit<Update, "update_id">) =>
  toInboundEvent({ update_id: 7, ...body } as Update, BOT, NOW);
const eventOf = (body: Omit<Update, "update_id">) => {
  const result = translate(body);
  if (result.kind !== "event") throw new Error(`expected an event, got ${JSON.stringify(result)}`);
  return result.event;
};

describe("toInboundEvent", () => {
  it("turns a question into a text event addressed to the chat", () => {
    const event = eventOf(textUpdate("làm giấy khai sinh cần gì", { messageId: 42 }));
    expect(event).toEqual({
      kind: "text",
      text: "làm giấy khai sinh cần gì",
      address: `telegram:${citizen.id}`,
      userId: String(citizen.id),
      messageId: "42",
      receivedAt: NOW,
      languageHint: "vi",
    });
  });

  it("recognises /start with and without a deep-link payload, and drops a malformed payload", () => {
    expect(eventOf(textUpdate("/start"))).toMatchObject({ kind: "start" });
    expect(eventOf(textUpdate("/start"))).not.toHaveProperty("payload");
    expect(eventOf(textUpdate("/start p_1-001193"))).toMatchObject({ kind: "start", payload: "p_1-001193" });
    expect(eventOf(textUpdate("/start <script>"))).not.toHaveProperty("payload");
    expect(eventOf(textUpdate(`/start@${BOT}`))).toMatchObject({ kind: "start" });
  });

  it("turns other commands into command events with their arguments, @botname or not", () => {
    expect(eventOf(textUpdate("/lang en"))).toMatchObject({ kind: "command", command: "lang", args: "en" });
    expect(eventOf(textUpdate(`/HoSo@${BOT}   `))).toMatchObject({
      kind: "command",
      command: "hoso",
      args: "",
    });
    expect(eventOf(textUpdate("/khongco abc def"))).toMatchObject({
      kind: "command",
      command: "khongco",
      args: "abc def",
    });
  });

  it("ignores a command addressed to another bot, and treats a lone slash as text", () => {
    expect(translate(textUpdate("/start@other_bot"))).toEqual({
      kind: "ignored",
      reason: "other-bot-command",
    });
    expect(eventOf(textUpdate("/ khai sinh"))).toMatchObject({ kind: "text", text: "/ khai sinh" });
    expect(eventOf(textUpdate("1/2 lệ phí"))).toMatchObject({ kind: "text" });
  });

  it("turns a button press into a choice event, and refuses malformed callback data", () => {
    const ok = translate(callbackUpdate("p:1.001193"));
    expect(ok).toMatchObject({ kind: "event", event: { kind: "choice", choiceId: "p:1.001193" } });
    expect(ok.callbackQueryId).toMatch(/^cq/);
    for (const forged of ["", "x".repeat(65), "p:1.001193\n", "chọn", "a b", "\u0000"]) {
      expect(translate(callbackUpdate(forged))).toMatchObject({
        kind: "bad-callback",
        address: `telegram:${citizen.id}`,
      });
    }
  });

  it("takes the largest photo size with its file id and size, and the caption", () => {
    expect(eventOf(photoUpdate("giấy tờ này là gì?"))).toMatchObject({
      kind: "photo",
      photo: { fileId: "large", bytes: 120_000 },
      caption: "giấy tờ này là gì?",
    });
    expect(eventOf(photoUpdate())).not.toHaveProperty("caption");
  });

  it("marks stickers, voice, files, locations and other messages as unsupported", () => {
    expect(eventOf(stickerUpdate())).toMatchObject({ kind: "unsupported", what: "sticker" });
    expect(eventOf(voiceUpdate())).toMatchObject({ kind: "unsupported", what: "voice" });
    expect(
      eventOf(messageUpdate({ document: { file_id: "d", file_unique_id: "d", file_name: "don.pdf" } })),
    ).toMatchObject({ kind: "unsupported", what: "file" });
    expect(eventOf(messageUpdate({ location: { latitude: 21.03, longitude: 105.85 } }))).toMatchObject({
      kind: "unsupported",
      what: "location",
    });
    expect(eventOf(messageUpdate({ dice: { emoji: "🎲", value: 3 } }))).toMatchObject({
      kind: "unsupported",
      what: "other",
    });
  });

  it("ignores groups, bots and update types it does not serve", () => {
    expect(translate(textUpdate("hỏi trong nhóm", { chatType: "group" }))).toEqual({
      kind: "ignored",
      reason: "not-private",
    });
    expect(translate(callbackUpdate("p:1.001193", { chatType: "supergroup" }))).toMatchObject({
      kind: "ignored",
      reason: "not-private",
    });
    expect(translate(textUpdate("hi", { from: { id: 9, is_bot: true, first_name: "B" } }))).toMatchObject({
      kind: "ignored",
      reason: "from-bot",
    });
    const edited = textUpdate("sửa") as { message?: unknown };
    expect(translate({ edited_message: edited.message } as Omit<Update, "update_id">)).toEqual({
      kind: "ignored",
      reason: "unhandled-update",
    });
  });
});

describe("cleanText", () => {
  it("removes control and direction characters but keeps line breaks (as \\n), emoji and Vietnamese", () => {
    expect(cleanText("\u0000đăng\u0007 ký\u001b[31m\r\nkết hôn\u202e\t👍 ")).toBe("đăng ký[31m\nkết hôn\t👍");
  });

  it("normalises decomposed Vietnamese (NFD) to NFC", () => {
    expect(cleanText("khai sinh".normalize("NFD"))).toBe("khai sinh");
    expect(cleanText("cấp lại".normalize("NFD"))).toBe("cấp lại".normalize("NFC"));
  });

  it("keeps a 10,000-character message whole, and caps absurd ones at a code point boundary", () => {
    expect(cleanText("a".repeat(10_000))).toHaveLength(10_000);
    const capped = cleanText(`${"a".repeat(MAX_INBOUND_TEXT - 1)}😀😀`);
    expect(capped).toHaveLength(MAX_INBOUND_TEXT - 1);
    expect(capped.endsWith("a")).toBe(true);
  });
});

describe("parseCommand", () => {
  it("parses name, mention and arguments", () => {
    expect(parseCommand("/lang@bot en  ")).toEqual({ name: "lang", mention: "bot", args: "en" });
    expect(parseCommand("/start\nxin chào")).toEqual({ name: "start", args: "xin chào" });
    expect(parseCommand("/startabc")).toEqual({ name: "startabc", args: "" });
    expect(parseCommand("/đăng")).toBeNull();
  });
});
