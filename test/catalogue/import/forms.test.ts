import { describe, expect, it } from "vitest";
import { splitForms } from "../../../src/catalogue/import/forms.ts";

describe("splitForms", () => {
  it.each([
    ["Đơn theo mẫu;Mẫu số 01.docx", "Đơn theo mẫu;", ["Mẫu số 01.docx"]],
    [
      "Văn bản đề nghị theo Mẫu 41 Phụ lục I Nghị định số 23/2026/NĐ-CPMau41.docx",
      "Văn bản đề nghị theo Mẫu 41 Phụ lục I Nghị định số 23/2026/NĐ-CP",
      ["Mau41.docx"],
    ],
    [
      "Văn bản đề nghị cấp giấy phép khai thác khoáng sảnMau01-PhulucII_36.2025.TT-BNNMT_02.7.2025.docx",
      "Văn bản đề nghị cấp giấy phép khai thác khoáng sản",
      ["Mau01-PhulucII_36.2025.TT-BNNMT_02.7.2025.docx"],
    ],
    [
      "Thông tư số 53/2025/TT-BCA).1.MuCT01banhnhkmtheoThngts53.doc",
      "Thông tư số 53/2025/TT-BCA).",
      ["1.MuCT01banhnhkmtheoThngts53.doc"],
    ],
    ["Giấy đề nghị theo mẫu", "Giấy đề nghị theo mẫu", []],
  ])("%s", (text, name, forms) => {
    const split = splitForms(text);
    expect(split.name).toBe(name);
    expect(split.forms).toEqual(forms);
    expect(split.uncertain).toBe(false);
  });

  it("says so when it cannot see where the file name starts", () => {
    expect(splitForms("Đơn đề nghị của chủ tàu theo mẫumaudondenghi_BCC (1).doc").uncertain).toBe(true);
  });
});
