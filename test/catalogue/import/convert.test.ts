/**
 * Golden tests: whole records converted from the real capture, with the expected structure checked
 * by reading each record's source text (the section parsers have their own detailed tests).
 */
import { expect, it } from "vitest";
import { convertRecord } from "../../../src/catalogue/import/convert.ts";
import { procedure } from "../../../src/catalogue/schema.ts";
import { describeRaw, rawRecordOf } from "./raw-records.ts";

const FROM = { dataset: "dvc-2026", capturedAt: "2026-07" };
const convert = (code: string) => procedure.parse(convertRecord(rawRecordOf(code), FROM));

describeRaw("convertRecord on real records", () => {
  it("1.001193 birth registration: commune level, free, time without unit unknown, one case", () => {
    const p = convert("1.001193");
    expect(p).toMatchObject({
      code: "1.001193",
      name: "Thủ tục đăng ký khai sinh",
      field: "Hộ tịch",
      levels: ["xa"],
      kind: "TTHC được giao luật quy định chi tiết",
      agency: { implementing: null },
      applicants: ["Công dân Việt Nam", "Người Việt Nam định cư ở nước ngoài"],
      results: ["Giấy khai sinh"],
      related: [],
      bundles: [],
      source: {
        url: "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7",
        decision: "163/QĐ-BTP",
        capturedAt: "2026-07",
        dataset: "dvc-2026",
      },
      status: { state: "active" },
      reviewed: false,
      parseIssues: [],
    });
    expect(p.channels.map((c) => [c.kind, c.time.kind, c.fees])).toEqual([
      ["truc_tuyen", "unknown", [{ kind: "free" }]],
      ["buu_chinh", "unknown", [{ kind: "free" }]],
      ["truc_tiep", "unknown", [{ kind: "free" }]],
    ]);
    expect(p.cases).toHaveLength(1);
    expect(p.cases[0]!.papers).toHaveLength(8);
    expect(p.legalBasis).toHaveLength(15);
    // "Không có thông tin" means nothing.
    expect(p.conditions).toEqual([]);
    expect(p.agency).toEqual({ implementing: null });
    // The official wording is kept where the structure interprets it; steps are their own wording.
    expect(p.official.channels).toBe("Trực tuyến1Miễn phí\nDịch vụ bưu chính1Miễn phí\nTrực tiếp1Miễn phí");
    expect(p.official.papers).toMatch(
      /^\* Giấy tờ phải nộp:\n- Trường hợp trẻ em bị bỏ rơi .*lập\.1 bản chính\n- Văn bản ủy quyền/,
    );
    expect(p.official.papers).not.toContain("Tên giấy tờMẫu đơn, tờ khaiSố lượng");
    expect(p.official.legalBasis).toMatch(
      /^Thông tư Hướng dẫn về phí và lệ phí .*Trung ương85\/2019\/TT-BTC\nNghị định sửa đổi, bổ sung/,
    );
    expect(p.official.legalBasis!.split("\n")).toHaveLength(15);
    expect(p.official.result).toBeUndefined();
    expect(p.steps.join("\n")).toContain("Cán bộ tiếp nhận hồ sơ tại Trung tâm Phục vụ hành chính công");
  });

  it("1.004222 permanent residence: 7 working days, 10.000 online and 20.000 in person, cases by situation", () => {
    const p = convert("1.004222");
    expect(p.levels).toEqual(["xa"]);
    expect(p.agency).toEqual({ implementing: "Công an cấp Xã", competent: "Công an cấp Xã" });
    expect(p.applicants).toEqual(["Người Việt Nam định cư ở nước ngoài", "Công dân Việt Nam"]);
    expect(
      p.channels.map((c) => [c.kind, c.time, c.fees.map((f) => (f.kind === "amount" ? f.amount : f.kind))]),
    ).toEqual([
      ["truc_tuyen", { kind: "known", value: 7, unit: "ngay_lam_viec" }, [10_000]],
      ["truc_tiep", { kind: "known", value: 7, unit: "ngay_lam_viec" }, [20_000]],
    ]);
    expect(p.cases).toHaveLength(8);
    expect(p.cases.filter((c) => c.title !== null)).toHaveLength(7);
    expect(p.legalBasis).toHaveLength(11);
    expect(p.results).toEqual([
      "Cập nhật thông tin trong Cơ sở dữ liệu quốc gia về dân cư",
      "Thông báo kết quả giải quyết thủ tục về cư trú, hủy bỏ thủ tục về cư trú",
      "Phiếu từ chối tiếp nhận, giải quyết hồ sơ (lĩnh vực cư trú)",
      "Cập nhật thông tin trong Cơ sở dữ liệu về cư trú",
    ]);
    expect(p.source.decision).toBe("1523/QĐ-BCA-C06");
  });

  it("2.000815 certified copies: commune and other bodies, per-page fee, unknown time, USD fee kept as text", () => {
    const p = convert("2.000815");
    expect(p.levels).toEqual(["xa", "khac"]);
    expect(p.agency.implementing).toBe("Tổ chức hành nghề công chứng, Cơ quan đại diện có thẩm quyền");
    expect(p.applicants).toEqual([
      "Công dân Việt Nam",
      "Tổ chức (không bao gồm doanh nghiệp, HTX)",
      "Người Việt Nam định cư ở nước ngoài",
    ]);
    expect(p.channels).toHaveLength(2);
    expect(p.channels[0]!.fees).toEqual([{ kind: "amount", amount: 2_000, currency: "VND", note: "/trang" }]);
    expect(p.channels[1]!.fees).toEqual([{ kind: "unknown", note: "10 USD (/bản)" }]);
    expect(p.cases).toEqual([
      {
        title: null,
        papers: [
          {
            name: "Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao và bản sao cần chứng thực. Trường hợp người yêu cầu chứng thực chỉ xuất trình bản chính thì cơ quan, tổ chức tiến hành chụp từ bản chính để thực hiện chứng thực, trừ trường hợp cơ quan, tổ chức không có phương tiện để chụp. Bản sao từ bản chính để thực hiện chứng thực phải có đầy đủ các trang đã ghi thông tin của bản chính.",
            originals: 1,
            copies: null,
            forms: [],
          },
        ],
        notes: [],
      },
    ]);
    expect(p.results).toEqual(["Bản sao được chứng thực từ bản chính"]);
    expect(p.parseIssues).toEqual(['channels: Trực tiếp: fee in USD ("10 USD") kept as text']);
  });

  it("1.014063 ID card exchange: 50.000 in person and online, free by post, the DC02 form", () => {
    const p = convert("1.014063");
    expect(p.agency).toEqual({
      implementing: "Công an cấp Xã",
      competent: "Cục cảnh sát quản lý hành chính về trật tự, xã hội",
    });
    expect(
      p.channels.map((c) => [c.kind, c.time.kind === "known" ? c.time.value : null, c.fees[0]!.kind]),
    ).toEqual([
      ["truc_tiep", 7, "amount"],
      ["truc_tuyen", 7, "amount"],
      ["buu_chinh", 7, "free"],
    ]);
    expect(p.channels[0]!.fees[0]).toMatchObject({ amount: 50_000, currency: "VND" });
    expect(p.cases[0]!.papers[0]!.forms).toEqual([
      "Mẫu DC02 Phiếu đề nghị giải quyết thủ tục về căn cước.doc",
    ]);
    expect(p.legalBasis).toHaveLength(8);
    expect(p.results).toEqual(["Thẻ căn cước"]);
    expect(p.parseIssues).toEqual([]);
  });

  it("3.000347 driving licence exchange: never 'free' where the text states 135.000 đồng", () => {
    const p = convert("3.000347");
    expect(p.levels).toEqual(["bo"]);
    expect(p.kind).toBe("Loại khác");
    expect(p.agency.implementing).toBe("Cục cảnh sát giao thông, Công an tỉnh, Công an cấp Xã");
    const fees = p.channels.flatMap((c) => c.fees);
    expect(fees).toHaveLength(2);
    expect(fees.some((f) => f.kind === "free")).toBe(false);
    expect(fees.every((f) => f.note?.includes("135.000 đồng/lần"))).toBe(true);
    expect(p.parseIssues.filter((i) => i.startsWith("channels:"))).toHaveLength(2);
    expect(p.cases[0]!.papers).toHaveLength(5);
    expect(p.legalBasis.map((l) => l.number)).toEqual([
      "12/2025/TT-BCA",
      "06/2025/TT-BTC",
      "37/2023/TT-BTC",
      "63/2023/TT-BTC",
    ]);
    expect(p.results).toEqual(["Giấy phép lái xe"]);
  });

  it("1.013831 land change registration: 18 working days (4 by post), two cases, copies and originals", () => {
    const p = convert("1.013831");
    expect(p.levels).toEqual(["tinh"]);
    expect(p.applicants).toEqual([
      "Cán bộ, công chức, viên chức",
      "Người Việt Nam định cư ở nước ngoài",
      "Tổ chức (không bao gồm doanh nghiệp, HTX)",
    ]);
    expect(p.channels.map((c) => [c.kind, c.time])).toEqual([
      ["truc_tuyen", { kind: "known", value: 18, unit: "ngay_lam_viec" }],
      ["buu_chinh", { kind: "known", value: 4, unit: "ngay_lam_viec" }],
      ["truc_tiep", { kind: "known", value: 18, unit: "ngay_lam_viec" }],
    ]);
    for (const channel of p.channels) {
      expect(channel.fees).toEqual([
        {
          kind: "free",
          note: "Theo quy định của Luật phí và lệ phí và các văn bản quy phạm pháp luật hướng dẫn Luật phí và lệ phí.",
        },
      ]);
    }
    expect(p.cases).toHaveLength(2);
    expect(
      p.cases.flatMap((c) => c.papers).every((paper) => paper.originals === 1 && paper.copies === 1),
    ).toBe(true);
    expect(p.results[0]).toMatch(/^Giấy chứng nhận quyền sử dụng đất; Giấy chứng nhận quyền sở hữu nhà ở/);
    expect(p.results).toHaveLength(1);
  });

  it("reads the papers from the page text when the papers field holds the steps (1.001613)", () => {
    const p = convert("1.001613");
    expect(p.parseIssues).toContain("papers: the papers field held other sections; the table was read apart");
    expect(p.cases.length).toBeGreaterThan(0);
    expect(
      p.cases
        .flatMap((c) => c.papers)
        .some((paper) => paper.name.startsWith("b) Đơn đề nghị (Mẫu số 14-HSB)")),
    ).toBe(true);
  });

  it("drops other sections that precede the papers table in the papers field (3.000397)", () => {
    const p = convert("3.000397");
    expect(p.official.papers).not.toContain("Trực tiếp3 Ngày làm việc");
    expect(p.cases[0]!.title).toBeNull();
    expect(p.cases[0]!.papers[0]!.name).toMatch(
      /^Văn bản đề nghị, trong đó ghi rõ tên, địa chỉ của cơ quan, tổ chức, doanh nghiệp/,
    );
    expect(p.parseIssues).toContain("papers: the papers field held other sections; the table was read apart");
  });

  it("finds the papers in the page text even when the channels text differs there (2.000693, maternity benefit)", () => {
    const p = convert("2.000693");
    expect(p.parseIssues).toContain("papers: the papers field held other sections; the table was read apart");
    const last = p.cases.at(-1)!;
    expect(last.title).toMatch(/^4\. Trường hợp bất khả kháng do thiên tai, thảm họa, dịch bệnh/);
    expect(last.papers.map((paper) => [paper.name, paper.originals])).toEqual([
      ["a) Quyết định áp dụng biện pháp cách ly;", 1],
      ["b) Giấy xác nhận điều trị", 1],
    ]);
  });
});
