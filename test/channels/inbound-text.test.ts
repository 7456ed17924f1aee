import { describe, expect, it } from "vitest";
import { cleanText, MAX_INBOUND_TEXT, parseCommand } from "../../src/channels/inbound-text.ts";

describe("cleanText", () => {
  it("normalises to NFC and trims", () => {
    expect(cleanText("  Nghị định ".normalize("NFD"))).toBe("Nghị định");
  });

  it("drops control and bidi characters but keeps line breaks and tabs", () => {
    expect(cleanText("a\u0000b\u202ec\r\nd\te\u0085")).toBe("abc\nd\te");
  });

  it("caps the length without splitting a surrogate pair", () => {
    const text = `${"a".repeat(MAX_INBOUND_TEXT - 1)}😀😀`;
    const cleaned = cleanText(text);
    expect(cleaned.length).toBe(MAX_INBOUND_TEXT - 1);
  });
});

describe("parseCommand", () => {
  it("reads a command, its optional mention and its arguments", () => {
    expect(parseCommand("/lang en")).toEqual({ name: "lang", args: "en" });
    expect(parseCommand("/Start@bot.HoiThuTuc abc")).toEqual({
      name: "start",
      mention: "bot.HoiThuTuc",
      args: "abc",
    });
    expect(parseCommand("/help\nthêm")).toEqual({ name: "help", args: "thêm" });
  });

  it("is null for text that is not a command", () => {
    expect(parseCommand("lệ phí 1/2")).toBeNull();
    expect(parseCommand("/")).toBeNull();
    expect(parseCommand("/lệphí")).toBeNull();
    expect(parseCommand(" /help")).toBeNull();
  });
});
