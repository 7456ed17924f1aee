import { describe, expect, it } from "vitest";
import { en } from "../../src/locales/en.ts";
import { choiceHint, isLocale, locales, pickNumberHint, t, translator } from "../../src/locales/index.ts";
import { vi } from "../../src/locales/vi.ts";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe("locales", () => {
  it("have exactly the same keys in Vietnamese and English", () => {
    const viKeys = Object.keys(vi).sort();
    const enKeys = Object.keys(en).sort();
    expect(enKeys.filter((key) => !viKeys.includes(key))).toEqual([]);
    expect(viKeys.filter((key) => !enKeys.includes(key))).toEqual([]);
  });

  it("have no empty message and the same placeholders in both languages", () => {
    for (const [key, text] of Object.entries(vi)) {
      expect(text.trim(), key).not.toBe("");
      expect(placeholders(en[key as keyof typeof en]), key).toEqual(placeholders(text));
    }
  });

  it("write Vietnamese with diacritics (no message left in unaccented Vietnamese)", () => {
    const unaccented = /\b(ban|thu tuc|giay to|khong|duoc|chua)\b/;
    for (const [key, text] of Object.entries(vi))
      expect(unaccented.test(text.replace(/“[^”]*”/g, "")), key).toBe(false);
    expect(vi["clarify.question"]).toBe("Bạn muốn hỏi thủ tục nào?");
  });

  it("keep Telegram command descriptions within 3–256 characters", () => {
    for (const command of [
      "start",
      "help",
      "hoso",
      "lang",
      "phananh",
      "trangthai",
      "dangky",
      "huydangky",
      "tintuc",
    ]) {
      for (const locale of ["vi", "en"] as const) {
        const text = t(locale, `command.${command}` as keyof typeof vi);
        expect(text.length).toBeGreaterThanOrEqual(3);
        expect(text.length).toBeLessThanOrEqual(256);
      }
    }
  });

  it("fill placeholders and leave unknown ones visible", () => {
    expect(t("vi", "none.hotline", { hotline: "1900 1234" })).toBe(
      "Bạn cũng có thể gọi đường dây nóng 1900 1234 để được hướng dẫn.",
    );
    expect(t("en", "input.pickNumber", { max: 3 })).toBe("Please choose a number from 1 to 3.");
    expect(t("vi", "none.hotline")).toContain("{hotline}");
    expect(translator("en")("error.generic")).toBe(locales.en["error.generic"]);
  });

  it("recognises the supported locales only", () => {
    expect(isLocale("vi")).toBe(true);
    expect(isLocale("en")).toBe(true);
    expect(isLocale("fr")).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });

  it("word the hint under one choice without a range ('1 to 1')", () => {
    const tr = translator("vi");
    expect(choiceHint(tr, 3)).toBe("Bạn trả lời bằng số từ 1 đến 3, hoặc gõ lại lựa chọn.");
    expect(choiceHint(tr, 1)).toBe("Bạn gõ số 1 để chọn, hoặc gõ lại lựa chọn.");
    expect(pickNumberHint(tr, 1)).not.toContain("1 đến 1");
    expect(pickNumberHint(translator("en"), 4)).toBe("Please choose a number from 1 to 4.");
  });
});
