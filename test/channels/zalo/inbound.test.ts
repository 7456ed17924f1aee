import { describe, expect, it } from "vitest";
import { toInboundEvent, unwrapUpdate } from "../../../src/channels/zalo/inbound.ts";

const NOW = 1_763_800_000_000;
const CHAT = "2d758cb5e222177a4e35";

/** Shaped like the payloads captured from the real webhook (Sept 2026). */
function message(fields: Record<string, unknown>) {
  return {
    message_id: "8a1f00c2b7e54d3a9c10",
    date: 1_750_316_131_602,
    from: { id: CHAT, display_name: "Trần Thị B", is_bot: false },
    chat: { id: CHAT, chat_type: "PRIVATE" },
    ...fields,
  };
}

describe("unwrapUpdate", () => {
  it("takes the update out of the documented { ok, result } envelope", () => {
    const update = { event_name: "message.text.received", message: message({ text: "chào" }) };
    expect(unwrapUpdate({ ok: true, result: update })).toBe(update);
  });

  it("leaves a flat update (as seen live) as it is", () => {
    const update = { event_name: "message.text.received", message: message({ text: "chào" }) };
    expect(unwrapUpdate(update)).toBe(update);
    expect(unwrapUpdate({ ok: false, result: update })).toEqual({ ok: false, result: update });
  });
});

describe("toInboundEvent", () => {
  it("maps a text message to a core text event with a zalo: address", () => {
    const outcome = toInboundEvent(
      { event_name: "message.text.received", message: message({ text: "lam giay khai sinh can gi" }) },
      NOW,
    );
    expect(outcome).toEqual({
      kind: "event",
      chatId: CHAT,
      dedupKey: "message.text.received:8a1f00c2b7e54d3a9c10",
      event: {
        kind: "text",
        text: "lam giay khai sinh can gi",
        address: `zalo:${CHAT}`,
        userId: CHAT,
        messageId: "8a1f00c2b7e54d3a9c10",
        receivedAt: NOW,
      },
    });
  });

  it("reads the image from photo_url (live payloads) or photo (the docs)", () => {
    const live = toInboundEvent(
      {
        event_name: "message.image.received",
        message: message({
          photo_url: "https://photo-stal-1.zadn.vn/abc.jpg",
          message_type: "CHAT_PHOTO",
          caption: "giấy này",
        }),
      },
      NOW,
    );
    expect(live).toMatchObject({
      kind: "event",
      event: { kind: "photo", photo: { url: "https://photo-stal-1.zadn.vn/abc.jpg" }, caption: "giấy này" },
    });
    const docs = toInboundEvent(
      { event_name: "message.image.received", message: message({ photo: "https://photo.zadn.vn/x.jpg" }) },
      NOW,
    );
    expect(docs).toMatchObject({ event: { kind: "photo", photo: { url: "https://photo.zadn.vn/x.jpg" } } });
    const nested = toInboundEvent(
      {
        event_name: "message.image.received",
        message: message({ photo: [{ url: "https://p.zadn.vn/1.jpg" }] }),
      },
      NOW,
    );
    expect(nested).toMatchObject({ event: { photo: { url: "https://p.zadn.vn/1.jpg" } } });
  });

  it("keeps an image event without a usable URL, with no URL", () => {
    const outcome = toInboundEvent(
      { event_name: "message.image.received", message: message({ photo: "javascript:alert(1)" }) },
      NOW,
    );
    expect(outcome).toMatchObject({ kind: "event", event: { kind: "photo", photo: {} } });
  });

  it.each([
    [
      "message.sticker.received",
      { sticker: "0e078a2fb66a5f34067b", url: "https://zalo-api.zadn.vn/s.png" },
      "sticker",
    ],
    [
      "message.voice.received",
      { voice_url: "https://voice.zadn.vn/v.aac", message_type: "CHAT_VOICE" },
      "voice",
    ],
    ["message.unsupported.received", {}, "other"],
  ] as const)("maps %s to the core's unsupported event", (eventName, fields, what) => {
    expect(toInboundEvent({ event_name: eventName, message: message(fields) }, NOW)).toMatchObject({
      kind: "event",
      event: { kind: "unsupported", what, address: `zalo:${CHAT}` },
    });
  });

  it("ignores unknown event names instead of failing", () => {
    for (const eventName of ["user.follow", "message.reaction.received", "", "MESSAGE.TEXT.RECEIVED"]) {
      expect(toInboundEvent({ event_name: eventName, message: message({ text: "x" }) }, NOW)).toMatchObject({
        kind: "ignored",
        reason: "unknown-event",
      });
    }
  });

  it("infers the event when event_name is missing (early docs sample)", () => {
    expect(toInboundEvent({ message: message({ text: "hi" }) }, NOW)).toMatchObject({
      event: { kind: "text" },
    });
    expect(toInboundEvent({ message: message({}) }, NOW)).toMatchObject({ kind: "ignored" });
  });

  it("ignores messages from bots", () => {
    const outcome = toInboundEvent(
      {
        event_name: "message.text.received",
        message: message({ text: "x", from: { id: "b", is_bot: true } }),
      },
      NOW,
    );
    expect(outcome).toMatchObject({ kind: "ignored", reason: "from-bot" });
  });

  it("reports a body without a message or chat id as malformed", () => {
    expect(toInboundEvent({ event_name: "message.text.received" }, NOW).kind).toBe("malformed");
    expect(
      toInboundEvent({ event_name: "message.text.received", message: { message_id: "1", text: "x" } }, NOW),
    ).toMatchObject({ kind: "malformed", reason: "bad or missing message.chat" });
    expect(toInboundEvent(null, NOW).kind).toBe("malformed");
    expect(toInboundEvent([1, 2], NOW).kind).toBe("malformed");
    expect(toInboundEvent("text", NOW).kind).toBe("malformed");
  });

  it("uses the chat id as user id when from is missing, and skips de-duplication without a message id", () => {
    const outcome = toInboundEvent(
      { event_name: "message.text.received", message: { chat: { id: 42 }, text: "x" } },
      NOW,
    );
    expect(outcome).toMatchObject({
      kind: "event",
      chatId: "42",
      dedupKey: undefined,
      event: { userId: "42" },
    });
  });
});

describe("toInboundEvent text cleaning and commands", () => {
  const text = (value: string) =>
    toInboundEvent({ event_name: "message.text.received", message: message({ text: value }) }, NOW);

  it("turns typed commands into command and start events", () => {
    expect(text("/start")).toMatchObject({ event: { kind: "start" } });
    expect(text("/lang en")).toMatchObject({ event: { kind: "command", command: "lang", args: "en" } });
    expect(text("/HoSo")).toMatchObject({ event: { kind: "command", command: "hoso", args: "" } });
    expect(text("1/2 lệ phí")).toMatchObject({ event: { kind: "text", text: "1/2 lệ phí" } });
  });

  it("cleans the text: NFC, no control or bidi characters, trimmed", () => {
    const nfd = "  đăng ký\u202e khai sinh\u0007\r\ncho con  ".normalize("NFD");
    expect(text(nfd)).toMatchObject({ event: { kind: "text", text: "đăng ký khai sinh\ncho con" } });
  });

  it("caps an absurdly long text", () => {
    const outcome = text("á".repeat(20_000));
    expect(outcome.kind === "event" && outcome.event.kind === "text" && outcome.event.text.length).toBe(
      16_384,
    );
  });
});
