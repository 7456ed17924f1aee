import { describe, expect, it } from "vitest";
import {
  asksWhatIsMissing,
  cleanText,
  fold,
  hasWords,
  isGreeting,
  truncateWords,
} from "../../src/core/text.ts";

describe("text helpers", () => {
  it("remove control and invisible characters and collapse spaces", () => {
    expect(cleanText("  khai\u0000 sinh\u200B\u0007  cho\tcon \u202E ")).toBe("khai sinh cho con");
    expect(cleanText("\u0000\u0001")).toBe("");
  });

  it("fold Vietnamese to plain lower-case ascii words", () => {
    expect(fold("Đăng ký KHAI SINH, cho con!")).toBe("dang ky khai sinh cho con");
    expect(fold("Cấp lại CCCD?")).toBe("cap lai cccd");
  });

  it("tell words from emoji and punctuation", () => {
    expect(hasWords("👍👍🎉")).toBe(false);
    expect(hasWords("???!!!")).toBe(false);
    expect(hasWords("sổ đỏ 🙏")).toBe(true);
  });

  it("recognise greetings, with or without accents", () => {
    for (const text of ["Xin chào", "xin chao!", "chào bạn", "Alo", "hi", "Hello bot", "chào ad"]) {
      expect(isGreeting(text), text).toBe(true);
    }
    for (const text of ["chào, tôi muốn làm khai sinh", "đăng ký khai sinh", "hiện tại"]) {
      expect(isGreeting(text), text).toBe(false);
    }
  });

  it("recognise 'còn thiếu gì'", () => {
    expect(asksWhatIsMissing("Còn thiếu gì?")).toBe(true);
    expect(asksWhatIsMissing("con thieu giay to nao")).toBe(true);
    expect(asksWhatIsMissing("tôi còn thiếu gì cho khai sinh")).toBe(true);
    expect(asksWhatIsMissing("khai sinh còn thiếu")).toBe(false);
  });

  it("truncate at a word boundary", () => {
    expect(truncateWords("một hai ba bốn năm", 10)).toBe("một hai ba");
    expect(truncateWords("ngắn", 10)).toBe("ngắn");
  });
});
