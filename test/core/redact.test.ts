import { describe, expect, it } from "vitest";
import { redactPersonalData } from "../../src/core/redact.ts";

describe("redactPersonalData", () => {
  it("removes phone numbers in the usual Vietnamese formats", () => {
    for (const phone of [
      "0912345678",
      "0912 345 678",
      "091.234.5678",
      "+84 912 345 678",
      "84912345678",
      "028 3829 1234",
    ]) {
      const out = redactPersonalData(`gọi tôi ${phone} nhé`);
      expect(out, phone).toBe("gọi tôi [phone] nhé");
    }
  });

  it("removes e-mails, ID card and passport numbers", () => {
    expect(redactPersonalData("mail nguyen.van.a@gmail.com")).toBe("mail [email]");
    expect(redactPersonalData("cccd 001203004567 bị mất")).toBe("cccd [number] bị mất");
    expect(redactPersonalData("cmnd 123456789")).toBe("cmnd [number]");
    expect(redactPersonalData("hộ chiếu C1234567")).toBe("hộ chiếu [id]");
  });

  it("keeps the words of the question, codes and short numbers", () => {
    const question = "lệ phí cấp đổi sổ đỏ năm 2026 theo thủ tục 1.001193 cho 2 người";
    expect(redactPersonalData(question)).toBe(question);
  });
});
