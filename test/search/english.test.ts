import { describe, expect, it } from "vitest";
import { fromEnglish } from "../../src/search/english.ts";

describe("fromEnglish", () => {
  it("puts an English question into the catalogue's Vietnamese words, in the order asked", () => {
    expect(fromEnglish("birth registration")).toBe("đăng ký khai sinh");
    expect(fromEnglish("How much is the fee for a passport?")).toBe("lệ phí hộ chiếu");
    expect(fromEnglish("I lost my ID card, what do I need?")).toBe("bị mất thẻ căn cước giấy tờ gì");
    expect(fromEnglish("where do I apply for a criminal record")).toBe("ở đâu lý lịch tư pháp");
    expect(fromEnglish("my wife is a foreigner, how do we register our marriage")).toBe(
      "có yếu tố nước ngoài đăng ký kết hôn",
    );
    // The longest term wins: a temporary residence card is not temporary residence.
    expect(fromEnglish("temporary residence card")).toBe("thẻ tạm trú");
  });

  it("leaves Vietnamese alone, with or without marks, and English it cannot place", () => {
    for (const text of [
      "đăng ký khai sinh",
      "lam visa",
      "ho chieu",
      "cccd",
      "1.001193",
      "weather today",
      "work permit",
      "",
      `passport ${"x".repeat(500)}`,
    ]) {
      expect(fromEnglish(text), text).toBeNull();
    }
  });
});
