import { describe, expect, it } from "vitest";
import {
  lines,
  meaningful,
  splitTopLevelCommas,
  statedAmounts,
  tidy,
} from "../../../src/catalogue/import/text.ts";

describe("statedAmounts", () => {
  it("reads amounts with a currency word, thousands groups and 'triệu'", () => {
    expect(statedAmounts("Lệ phí: 135.000 đồng/lần; trực tuyến 115.000đ")).toEqual([135_000, 115_000]);
    expect(statedAmounts("01 triệu đồng/lần cấp; 500.000 đồng/lần cấp")).toEqual([1_000_000, 500_000]);
    expect(statedAmounts("1,5 triệu đồng")).toEqual([1_500_000]);
  });

  it("ignores figures without a currency word", () => {
    expect(statedAmounts("2.000.000/lần; 50% mức thu; Điều 4; 15 ngày")).toEqual([]);
  });
});

describe("text helpers", () => {
  it("treats 'Không có thông tin', '--' and blanks as nothing", () => {
    expect(meaningful("Không có thông tin")).toBeNull();
    expect(meaningful(" -- ")).toBeNull();
    expect(meaningful("\u00a0")).toBeNull();
    expect(meaningful(" Công an cấp Xã ")).toBe("Công an cấp Xã");
  });

  it("tidies spaces and invisible marks but keeps line breaks", () => {
    expect(tidy("đăng k\u200eý  hộ\ttịch \r\n Bước 2")).toBe("đăng ký hộ tịch\nBước 2");
    expect(lines("Bước 1\n\n Bước 2 \nKhông có thông tin")).toEqual(["Bước 1", "Bước 2"]);
  });

  it("splits on commas outside parentheses", () => {
    expect(splitTopLevelCommas("A, B (c, d), E")).toEqual(["A", "B (c, d)", "E"]);
  });
});
