import { describe, expect, it } from "vitest";
import { fieldSlug } from "../../src/catalogue/field-slug.ts";

describe("fieldSlug", () => {
  it("folds Vietnamese field names to ascii kebab-case", () => {
    expect(fieldSlug("Hộ tịch")).toBe("ho-tich");
    expect(fieldSlug("Đất đai")).toBe("dat-dai");
    expect(fieldSlug("Chứng thực")).toBe("chung-thuc");
    expect(fieldSlug("Đăng ký, quản lý cư trú")).toBe("dang-ky-quan-ly-cu-tru");
    expect(fieldSlug("Thành lập và hoạt động của hộ kinh doanh")).toBe(
      "thanh-lap-va-hoat-dong-cua-ho-kinh-doanh",
    );
  });

  it("gives the same slug for NFC and NFD input", () => {
    const name = "Người có công";
    expect(fieldSlug(name.normalize("NFC"))).toBe("nguoi-co-cong");
    expect(fieldSlug(name.normalize("NFD"))).toBe("nguoi-co-cong");
  });

  it("trims punctuation and collapses separators", () => {
    expect(fieldSlug("  Giáo dục - Đào tạo (GD&ĐT)  ")).toBe("giao-duc-dao-tao-gd-dt");
    expect(fieldSlug("Bảo hiểm xã hội / y tế")).toBe("bao-hiem-xa-hoi-y-te");
  });
});
