import { expect, it } from "vitest";
import {
  parseApplicants,
  parseConditions,
  parseLevels,
  parseRelated,
  parseResults,
  parseSteps,
} from "../../../src/catalogue/import/sections.ts";
import { describeRaw, rawRecordOf } from "./raw-records.ts";

describeRaw("parseResults drops the page furniture", () => {
  it("keeps only the result of 1.001193 (no 'Mã: KQ…', 'Từ khóa', 'Mô tả', agency picker)", () => {
    expect(parseResults(rawRecordOf("1.001193").ket_qua_xu_ly)).toEqual({
      results: ["Giấy khai sinh"],
      official: "Giấy khai sinh",
    });
  });

  it("splits several results at their codes (2.001610)", () => {
    const { results } = parseResults(rawRecordOf("2.001610").ket_qua_xu_ly);
    expect(results).toEqual([
      "Giấy chứng nhận đăng ký doanh nghiệp - Doanh nghiệp tư nhân",
      "Văn bản nêu rõ lý do từ chối của Cơ quan đăng ký kinh doanh",
      "Thông báo về việc sửa đổi, bổ sung hồ sơ đăng ký doanh nghiệp",
    ]);
    expect(results.join(" ")).not.toMatch(/Mã:|Từ khóa|Chọn cơ quan|Nộp hồ sơ|Phường\/ Xã/);
  });

  it("drops odd result codes too (3.000444 'Mã: adjfsbj')", () => {
    expect(parseResults(rawRecordOf("3.000444").ket_qua_xu_ly).results).toEqual([
      "Quyết định công nhận hoàn thành tập sự hành nghề công chứng hoặc văn bản từ chối có nêu rõ lý do.",
    ]);
    expect(parseResults("Giấy phépMã: 78Giấy xác nhậnMã: BQP-CCS.KQ0001Từ khóa").results).toEqual([
      "Giấy phép",
      "Giấy xác nhận",
    ]);
    expect(parseResults("Chứng chỉ hành nghềMã: KQ0.00.00.G12-002223văn bản từ chối.").results).toEqual([
      "Chứng chỉ hành nghề",
      "văn bản từ chối.",
    ]);
  });

  it("keeps a result description in the official wording", () => {
    const text =
      "Quyết định công nhậnMã: KQ.G10.000122Từ khóaKhông có thông tinMô tảThời hạn của Quyết định là 5 nămChọn cơ quan thực hiệnTỉnh/ Thành phốNộp hồ sơ";
    expect(parseResults(text)).toEqual({
      results: ["Quyết định công nhận"],
      official: "Quyết định công nhận\nMô tả: Thời hạn của Quyết định là 5 năm",
    });
  });
});

describeRaw("simple sections", () => {
  it("maps levels and reports unknown ones", () => {
    expect(parseLevels("Cấp bộ, Cấp tỉnh, Cấp xã, Cơ quan khác")).toEqual({
      levels: ["bo", "tinh", "xa", "khac"],
      unknown: [],
    });
    expect(parseLevels("Cấp huyện")).toEqual({ levels: [], unknown: ["Cấp huyện"] });
  });

  it("splits applicants on commas outside parentheses", () => {
    expect(
      parseApplicants("Công dân Việt Nam, Tổ chức (không bao gồm doanh nghiệp, HTX), Hợp tác xã"),
    ).toEqual(["Công dân Việt Nam", "Tổ chức (không bao gồm doanh nghiệp, HTX)", "Hợp tác xã"]);
    expect(parseApplicants("Cán bộ, công chức, viên chức, Người Việt Nam định cư ở nước ngoài")).toEqual([
      "Cán bộ, công chức, viên chức",
      "Người Việt Nam định cư ở nước ngoài",
    ]);
    expect(parseApplicants("Không có thông tin")).toEqual([]);
  });

  it("keeps steps line by line and 'Không có thông tin' as nothing", () => {
    const steps = parseSteps(rawRecordOf("1.001193").trinh_tu_thuc_hien);
    expect(steps[0]).toMatch(/^- Nếu lựa chọn hình thức nộp hồ sơ trực tiếp/);
    expect(steps.every((s) => s === s.trim() && s !== "")).toBe(true);
    expect(parseSteps("Không có thông tin")).toEqual([]);
  });

  it("finds related codes and nothing in 'Không có thông tin'", () => {
    expect(parseRelated("Không có thông tin", "1.001193")).toEqual([]);
    expect(parseRelated("Xem 2.000635 và 1.001193, 1.004873", "1.001193")).toEqual(["1.004873", "2.000635"]);
  });
});

describeRaw("parseConditions drops the result block's furniture", () => {
  it("reads 2.001204's conditions, which hold only furniture, as none", () => {
    expect(rawRecordOf("2.001204").yeu_cau_dieu_kien).toContain("Từ khóa");
    expect(parseConditions(rawRecordOf("2.001204").yeu_cau_dieu_kien)).toEqual([]);
  });

  it("keeps real conditions before the furniture", () => {
    expect(
      parseConditions("Có đủ năng lực hành vi dân sự.Không có thông tinTừ khóaKhông có thông tinMô tả"),
    ).toEqual(["Có đủ năng lực hành vi dân sự."]);
  });
});
