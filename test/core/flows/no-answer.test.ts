import { describe, expect, it } from "vitest";
import { isNoAnswer } from "../../../src/core/flows/no-answer.ts";

describe("isNoAnswer", () => {
  it("reads the ways citizens type “no”, with or without marks and particles", () => {
    for (const text of [
      "không",
      "Không ạ",
      "khong",
      "ko",
      "K",
      "không có",
      "chưa có ảnh",
      "không có ảnh nhé",
      "No",
    ]) {
      expect(isNoAnswer(text), text).toBe(true);
    }
  });
  it("does not read a sentence, a yes or a phone number as no", () => {
    for (const text of [
      "có",
      "có ảnh",
      "không biết gửi ảnh thế nào",
      "0912345678",
      "",
      "khong co gi de noi ca",
    ]) {
      expect(isNoAnswer(text), text).toBe(false);
    }
  });
});
