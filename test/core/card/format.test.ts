import { describe, expect, it } from "vitest";
import { formatAmount, formatDuration, formatFees } from "../../../src/core/card/format.ts";
import { translator } from "../../../src/locales/index.ts";

const vi = translator("vi");

describe("formatting", () => {
  it("groups amounts with dots in Vietnamese and commas in English", () => {
    expect(formatAmount(50000, "vi")).toBe("50.000");
    expect(formatAmount(1250000, "vi")).toBe("1.250.000");
    expect(formatAmount(500, "vi")).toBe("500");
    expect(formatAmount(1250000, "en")).toBe("1,250,000");
    expect(formatAmount(2.5, "vi")).toBe("2,5");
  });

  it("formats fees, with notes, and an empty list as unknown", () => {
    expect(formatFees([{ kind: "amount", amount: 20000, currency: "VND" }], "vi", vi)).toBe("20.000 đồng");
    expect(formatFees([{ kind: "free", note: "trẻ em" }], "vi", vi)).toBe("miễn phí (trẻ em)");
    expect(formatFees([{ kind: "province" }], "vi", vi)).toBe("do HĐND tỉnh quyết định");
    expect(formatFees([{ kind: "unknown" }], "vi", vi)).toBe("chưa rõ, xem trang chính thức");
    expect(formatFees([], "vi", vi)).toBe("chưa rõ, xem trang chính thức");
  });

  it("formats durations and ranges, and unknown as unknown", () => {
    expect(formatDuration({ kind: "known", value: 7, unit: "ngay_lam_viec" }, "vi", vi)).toBe(
      "7 ngày làm việc",
    );
    expect(formatDuration({ kind: "known", value: 3, max: 5, unit: "ngay_lam_viec" }, "vi", vi)).toBe(
      "3–5 ngày làm việc",
    );
    expect(formatDuration({ kind: "unknown" }, "vi", vi)).toBe("chưa rõ, xem trang chính thức");
    expect(formatDuration({ kind: "known", value: 2, unit: "gio" }, "en", translator("en"))).toBe("2 hours");
  });
});
