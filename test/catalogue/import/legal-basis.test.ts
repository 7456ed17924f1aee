import { expect, it } from "vitest";
import { parseLegalBasis } from "../../../src/catalogue/import/legal-basis.ts";
import { describeRaw, rawRecordOf } from "./raw-records.ts";

const HEADER = "Tên văn bản pháp lýMã văn bản";

describeRaw("parseLegalBasis on concatenated title+number cells", () => {
  it("splits the 15 documents of 1.001193 by their numbers, keeping numbers inside titles", () => {
    const { items, issues } = parseLegalBasis(rawRecordOf("1.001193").can_cu_phap_ly);
    expect(items.map((i) => i.number)).toEqual([
      "85/2019/TT-BTC",
      "104/2022/NĐ-CP",
      "123/2015/NĐ-CP",
      "08/2025/TT-BTP",
      "18/2026/NĐ-CP",
      "87/2020/NĐ-CP",
      "04/2024/TT-BTP",
      "03/2023/TT-BTP",
      "106/2021/TT-BTC",
      "04/2020/TT-BTP",
      "07/2025/NĐ-CP",
      "120/2025/NĐ-CP",
      "66.7/2025/NQ-CP",
      "60/2014/QH13",
      "01/2022/TT-BTP",
    ]);
    expect(items[2]!.title).toBe(
      "Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch",
    );
    // "…của Bộ trưởng Bộ Tư phápThông tư số 03/2023/TT-BTP": the number cell repeated the type.
    expect(items[7]!.title).toBe("Thông tư số 03/2023/TT-BTP ngày 02/8/2023 của Bộ trưởng Bộ Tư pháp");
    // "Luật 60/2014/QH1360/2014/QH13": title and number glued.
    expect(items[13]).toEqual({ number: "60/2014/QH13", title: "Luật 60/2014/QH13" });
    expect(items[12]!.title).toBe(
      "Nghị quyết số 66.7/2025/NQ-CP của Chính phủ: Quy định cắt giảm, đơn giản hóa thủ tục hành chính dựa trên dữ liệu",
    );
    expect(issues).toEqual([]);
  });

  it("handles a number followed by a spaced title, a year glued to a number and a title in capitals (1.004222)", () => {
    const { items } = parseLegalBasis(rawRecordOf("1.004222").can_cu_phap_ly);
    const byNumber = new Map(items.map((i) => [i.number, i.title]));
    expect(byNumber.get("68/2020/QH14")).toBe("Luật Cư trú 2020");
    expect(byNumber.get("66/2023/TT-BCA")).toMatch(/^Thông tư số 66\/2023\/TT-BCA Sửa đổi, bổ sung/);
    expect(byNumber.get("56/2021/TT-BCA")).toBe("Thông tư 56/2021/TT-BCA");
    expect(byNumber.get("58/2026/NĐ-CP")).toMatch(/^SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA CÁC NGHỊ ĐỊNH/);
    expect(byNumber.get("53/2025/TT-BCA")).toMatch(
      /^Thông tư số 53\/2025\/TT-BCA ngày 01\/7\/2025 của Bộ Công an/,
    );
    expect(items).toHaveLength(11);
  });

  it("reads 'number first, then the type with the number' once (2.001610: 47/2019/TT-BTCThông tư 47/2019/TT-BTC)", () => {
    const { items } = parseLegalBasis(rawRecordOf("2.001610").can_cu_phap_ly);
    expect(items).toEqual([
      {
        number: "66.7/2025/NQ-CP",
        title:
          "Nghị quyết số 66.7/2025/NQ-CP của Chính phủ: Quy định cắt giảm, đơn giản hóa thủ tục hành chính dựa trên dữ liệu",
      },
      {
        number: "68/2025/TT-BTC",
        title:
          "Thông tư số 68/2025/TT-BTC của Bộ Tài chính: Ban hành biểu mẫu sử dụng trong đăng ký doanh nghiệp, đăng ký hộ kinh doanh",
      },
      { number: "47/2019/TT-BTC", title: "Thông tư 47/2019/TT-BTC" },
      {
        number: "168/2025/NĐ-CP",
        title: "Nghị định số 168/2025/NĐ-CP ngày 30 tháng 6 năm 2025 của Chính phủ về đăng ký doanh nghiệp",
      },
      { number: "76/2025/QH15", title: "Luật sửa đổi, bổ sung một số điều của Luật Doanh nghiệp 2020" },
      { number: "59/2020/QH14", title: "Luật Doanh nghiệp" },
    ]);
  });

  it("keeps a truncated number as published and splits 'Luật Đất đai ngày 18/01/2024;31/2024/QH15' (1.013831)", () => {
    const { items } = parseLegalBasis(rawRecordOf("1.013831").can_cu_phap_ly);
    expect(items.map((i) => [i.number, i.title.slice(0, 30)])).toEqual([
      ["31/2024/QH15", "Luật Đất đai ngày 18/01/2024"],
      ["118/2025/NĐ-C", "Thực hiện thủ tục hành chính t"],
      ["226/2025/NĐ-CP", "Sửa đổi, bổ sung một số điều c"],
      ["151/2025/NĐ-CP", "Quy định về phân định thẩm quy"],
      ["101/2024/NĐ-CP", "Nghị định 101/2024/NĐ-CP"],
    ]);
  });

  it("reads 1.014063's eight documents", () => {
    const { items } = parseLegalBasis(rawRecordOf("1.014063").can_cu_phap_ly);
    expect(items.map((i) => i.number)).toEqual([
      "64/2025/TT-BTC",
      "53/2025/TT-BCA",
      "26/2023/QH15",
      "16/2024/TT-BCA",
      "17/2024/TT-BCA",
      "73/2024/TT-BTC",
      "18/2024/TT-BCA",
      "70/2024/NĐ-CP",
    ]);
    expect(items[2]!.title).toBe("Luật Căn cước");
  });

  it("gives a title without a number its own item and reports it", () => {
    const { items, issues } = parseLegalBasis(
      `${HEADER}Luật Hộ tịch60/2014/QH13Quyết định của Ủy ban nhân dân tỉnh`,
    );
    expect(items).toEqual([
      { number: "60/2014/QH13", title: "Luật Hộ tịch" },
      { number: null, title: "Quyết định của Ủy ban nhân dân tỉnh" },
    ]);
    expect(issues).toEqual(["legalBasis: text without a document number kept as a title"]);
  });

  it("reports an item that may hold two titles run together", () => {
    const { issues } = parseLegalBasis(`${HEADER}Luật Thú yLuật 79/2015/QH13`);
    expect(issues).toEqual([]);
    const run = parseLegalBasis(
      `${HEADER}Nghị định thư MontrealNĐ Thư MontrealQuy định chi tiết Luật Quản lý Ngoại thương69/2018/NĐ-CP`,
    );
    expect(run.issues).toEqual(["legalBasis: an item may hold two titles run together"]);
  });

  it("gives nothing for 'Không có thông tin'", () => {
    expect(parseLegalBasis(`${HEADER}Không có thông tin`)).toEqual({ items: [], issues: [], official: null });
  });

  it("keeps the title whose number the number cell repeats, even with a typo in the type (1.002010)", () => {
    const { items } = parseLegalBasis(rawRecordOf("1.002010").can_cu_phap_ly);
    expect(items.find((i) => i.number === "47/2019/TT-BTC")).toEqual({
      number: "47/2019/TT-BTC",
      title: "Thông thư 47/2019/TT-BTC",
    });
    expect(items.find((i) => i.number === "65/2006/QH11")!.title).toBe("Luật 65/2006/QH11");
  });

  it("separates a date's year glued to a number without a year, and a title in capitals glued after it", () => {
    const correction = parseLegalBasis(rawRecordOf("1.014284").can_cu_phap_ly).items;
    expect(correction).toContainEqual({
      number: "2418/QĐ-BNNMT",
      title: "Đính chính Nghị định số 151/2025/NĐ-CP ngày 12/6/2025",
    });
    const maternity = parseLegalBasis(rawRecordOf("2.000693").can_cu_phap_ly).items;
    expect(maternity.map((i) => i.number)).toContain("2222/QĐ-BHXH");
    expect(maternity.find((i) => i.number === "2222/QĐ-BHXH")!.title).toMatch(
      /^BAN HÀNH QUY TRÌNH GIẢI QUYẾT/,
    );
    expect(
      maternity.some((i) => i.title.startsWith("QUY ĐỊNH CHI TIẾT MỘT SỐ ĐIỀU CỦA LUẬT BẢO HIỂM XÃ HỘI")),
    ).toBe(true);
  });

  it("drops the next page section that leaked into the table (3.000163 'Cơ quan thực hiện…')", () => {
    const { items, issues } = parseLegalBasis(rawRecordOf("3.000163").can_cu_phap_ly);
    expect(items).toEqual([
      {
        number: "02/2014/TTLT-TANDTC-VKSNDTC-BTP-BTC",
        title: "Thông tư liên tịch 02/2014/TTLT-TANDTC-VKSNDTC-BTP-BTC",
      },
      { number: "110/2015/QH13", title: "Nghị quyết 110/2015/QH13" },
      { number: "21/2014/L-CTN", title: "Lệnh 21/2014/L-CTN" },
      { number: "56/2010/QH12", title: "Nghị quyết 56/2010/QH12" },
    ]);
    expect(issues).toEqual([]);
  });
});
