import { expect, it } from "vitest";
import { parsePapers } from "../../../src/catalogue/import/papers.ts";
import { describeRaw, rawRecordOf } from "./raw-records.ts";

const HEADER = "Tên giấy tờMẫu đơn, tờ khaiSố lượng";

describeRaw("parsePapers on the flattened table of papers", () => {
  it("reads roles from '* Giấy tờ phải nộp:' / '* Giấy tờ phải xuất trình:' and '0 bản chính' entries as notes (1.001193)", () => {
    const { cases, issues } = parsePapers(rawRecordOf("1.001193").thanh_phan_ho_so);
    expect(cases).toHaveLength(1);
    const [only] = cases;
    expect(only!.title).toBeNull();
    const starts = [
      ["Trường hợp trẻ em bị bỏ rơi thì phải có biên bản", "nop"],
      ["Văn bản ủy quyền (được chứng thực)", "nop"],
      ["Trường hợp khai sinh cho trẻ em sinh ra do mang thai hộ", "nop"],
      ["Giấy chứng sinh; trường hợp không có Giấy chứng sinh", "nop"],
      ["Giấy tờ có giá trị chứng minh thông tin về cư trú", "xuat_trinh"],
      ["Hộ chiếu/Thẻ căn cước công dân/Thẻ căn cước", "xuat_trinh"],
      // After "--" the record no longer says whether these are submitted or shown.
      ["Tờ khai đăng ký khai sinh theo mẫu (nếu người có yêu cầu", undefined],
      ["Mẫu hộ tịch điện tử tương tác đăng ký khai sinh", undefined],
    ] as const;
    expect(only!.papers).toHaveLength(starts.length);
    only!.papers.forEach((paper, n) => {
      const [start, role] = starts[n]!;
      expect(paper.name.startsWith(start), `${paper.name} starts with ${start}`).toBe(true);
      expect(paper.role).toBe(role);
      expect([paper.originals, paper.copies, paper.forms]).toEqual([1, null, []]);
    });
    // "0 bản chính" entries and the "* Lưu ý:" section are notes, not papers.
    expect(only!.notes[0]).toMatch(/^Trường hợp người yêu cầu đã nộp bản điện tử Giấy chứng sinh/);
    expect(only!.notes).toContain(
      "Cơ quan đăng ký hộ tịch từ chối giải quyết hoặc đề nghị cơ quan có thẩm quyền hủy bỏ kết quả đăng ký hộ tịch, nếu có cơ sở xác định nội dung cam đoan không đúng sự thật.",
    );
    expect(only!.notes.some((n) => n.includes("0 bản chính"))).toBe(false);
    expect(issues).toEqual([]);
  });

  it("splits cases by their titles, in order (1.004222: 7 cases of permanent residence)", () => {
    const { cases } = parsePapers(rawRecordOf("1.004222").thanh_phan_ho_so);
    expect(cases.map((c) => c.title)).toEqual([
      "Đăng ký thường trú vào chỗ ở hợp pháp thuộc quyền sở hữu của mình",
      "Người được chăm sóc, nuôi dưỡng, trợ giúp được đăng ký thường trú tại cơ sở trợ giúp xã hội hoặc được đăng ký thường trú vào hộ gia đình nhận chăm sóc, nuôi dưỡng, trợ giúp",
      "Đăng ký thường trú tại chỗ ở hợp pháp không thuộc quyền sở hữu của mình đối với những trường hợp quy định tại khoản 2 Điều 20 Luật Cư trú",
      "Đăng ký thường trú tại cơ sở tín ngưỡng, cơ sở tôn giáo có công trình phụ trợ là nhà ở",
      "Đăng ký thường trú tại nơi đơn vị đóng quân trong Công an nhân dân, Quân đội nhân nhân nhân (đơn vị đóng quân, nhà ở công vụ)",
      "Đăng ký thường trú vào chỗ ở hợp pháp do thuê, mượn, ở nhờ",
      "Đăng ký thường trú vào chỗ ở hợp pháp thuộc quyền sở hữu của mình",
      // "--" then a single "*Lưu ý: …0 bản chính" entry: general notes, no papers.
      null,
    ]);
    expect(cases[7]!.papers).toEqual([]);
    expect(cases[7]!.notes).toHaveLength(1);
    expect(cases[7]!.notes[0]).toMatch(/^Lưu ý: - Không yêu cầu xuất trình Giấy khai sinh/);
    const care = cases[1]!;
    expect(care.papers.map((p) => p.name)).toEqual([
      "Giấy tờ, tài liệu xác nhận về việc chăm sóc, nuôi dưỡng, trợ giúp.",
      "Văn bản đề nghị của người đứng đầu cơ sở trợ giúp xã hội đối với người được cơ sở trợ giúp xã hội nhận chăm sóc, nuôi dưỡng, trợ giúp.",
    ]);
    const religious = cases[3]!;
    expect(religious.papers).toHaveLength(3);
    expect(religious.notes).toEqual([
      "Trường hợp quy định tại điểm a, b, c khoản 4 Điều 20 Luật Cư trú đăng ký thường trú tại cơ sở tín ngưỡng, cơ sở tôn giáo có công trình phụ trợ giúp là nhà ở, hồ sơ gồm:",
      "Trường hợp quy định tại điểm d khoản 4 Điều 20 Luật Cư trú đăng ký thường trú tại cơ sở tín ngưỡng, cơ sở tôn giáo có công trình phụ trợ giúp là nhà ở, hồ sơ gồm:",
    ]);
    const army = cases[4]!;
    expect(army.papers.map((p) => [p.name, p.originals])).toContainEqual([
      "Tờ khai thay đổi thông tin cư trú (mẫu CT01 ban hành kèm theo Thông tư số 53/2025/TT-BCA).",
      1,
    ]);
  });

  it("reads 'N bản chính,M bản sao' and takes only the quantity's digit from 'Mẫu số 181 bản chính' (1.013831)", () => {
    const { cases } = parsePapers(rawRecordOf("1.013831").thanh_phan_ho_so);
    expect(cases.map((c) => c.title?.slice(0, 50))).toEqual([
      "a) Đối với trường hợp chuyển đổi, chuyển nhượng, t",
      "b) Đối với trường hợp người sử dụng đất tặng cho q",
    ]);
    const form = cases[0]!.papers.find((p) => p.name.startsWith("Đơn đăng ký biến động"));
    expect(form).toEqual({
      name: "Đơn đăng ký biến động đất đai, tài sản gắn liền với đất theo Mẫu số 18",
      originals: 1,
      copies: 1,
      forms: [],
    });
    expect(cases[0]!.papers.find((p) => p.name === "Bản gốc Giấy chứng nhận đã cấp.")).toMatchObject({
      originals: 1,
      copies: 1,
    });
    expect(cases[0]!.papers).toHaveLength(11);
    expect(cases[1]!.papers).toHaveLength(2);
  });

  it("keeps a copy-only paper ('0 bản chính,1 bản sao') as a paper (3.000347)", () => {
    const { cases } = parsePapers(rawRecordOf("3.000347").thanh_phan_ho_so);
    expect(cases).toHaveLength(1);
    expect(cases[0]!.title).toBeNull();
    expect(cases[0]!.papers.map((p) => [p.originals, p.copies])).toEqual([
      [1, null],
      [1, null],
      [1, null],
      [1, null],
      [0, 1],
    ]);
    expect(cases[0]!.papers[2]!.name).toBe(
      "Hộ chiếu còn thời hạn sử dụng (đối với người nước ngoài, người Việt Nam định cư ở nước ngoài)",
    );
    expect(cases[0]!.notes).toEqual([]);
  });

  it("separates a form file that sits between the paper's text and its quantity (1.014063)", () => {
    const { cases } = parsePapers(rawRecordOf("1.014063").thanh_phan_ho_so);
    expect(cases).toHaveLength(1);
    expect(cases[0]!.papers[0]).toEqual({
      name: "Phiếu đề nghị giải quyết thủ tục về căn cước (Mẫu DC02 ban hành kèm theo Thông tư số 17/2024/TT-BCA của Bộ Công an)",
      originals: 1,
      copies: null,
      forms: ["Mẫu DC02 Phiếu đề nghị giải quyết thủ tục về căn cước.doc"],
    });
    expect(cases[0]!.papers.map((p) => p.forms.length)).toEqual([1, 0, 0]);
  });

  it("separates several form files in a row (1.004332)", () => {
    const { cases } = parsePapers(rawRecordOf("1.004332").thanh_phan_ho_so);
    const last = cases.at(-1)!;
    expect(last.title).toBe("Các giấy tờ phải nộp (bản chính) sau khi vào bờ, gồm:");
    expect(last.papers.map((p) => p.forms)).toEqual([
      ["MauDanhsachhanhkhach.docx", "MauDanhsachthuyenvien.docx", "MauBankhaichung.docx"],
      ["MauDanhsachthuyenvien.docx", "MauDanhsachhanhkhach.docx"],
    ]);
    expect(last.papers[1]!.name).toBe(
      "Nộp cho Biên phòng cửa khẩu: Danh sách thuyền viên (nếu có thay đổi) theo mẫu; Danh sách hành khách (nếu có thay đổi) theo mẫu.",
    );
  });

  it("does not read the year before a quantity as part of it ('ngày 24/07/20231 bản chính', 1.014980)", () => {
    const { cases } = parsePapers(rawRecordOf("1.014980").thanh_phan_ho_so);
    expect(cases[0]!.papers[0]!.name).toBe(
      "Văn bản đề nghị ghi đầy đủ nội dung theo mẫu quy định tại Phụ lục IX ban hành kèm theo Nghị định số 56/2023/NĐ-CP ngày 24/07/2023",
    );
    expect(cases[0]!.papers[0]!.originals).toBe(1);
  });

  it("reads a '* Lưu ý:' section as notes and '--' as a single untitled case", () => {
    const text = `--${HEADER}Tờ khai theo mẫuMẫu 01.docx1 bản chínhGiấy tờ tùy thân1 bản sao* Lưu ý:${HEADER}Nộp bản sao có chứng thực.1 bản chính`;
    const { cases, issues } = parsePapers(text);
    expect(cases).toEqual([
      {
        title: null,
        papers: [
          { name: "Tờ khai theo mẫu", originals: 1, copies: null, forms: ["Mẫu 01.docx"] },
          { name: "Giấy tờ tùy thân", originals: null, copies: 1, forms: [] },
        ],
        notes: ["Nộp bản sao có chứng thực."],
      },
    ]);
    expect(issues).toEqual([]);
  });

  it("reports a section with no table instead of inventing papers", () => {
    const { cases, issues, official } = parsePapers("Bước 2. Cơ quan BHXH tiếp nhận hồ sơ.");
    expect(cases).toEqual([]);
    expect(issues).toEqual(["papers: no table of papers recognised"]);
    expect(official).toBe("Bước 2. Cơ quan BHXH tiếp nhận hồ sơ.");
  });
});

describeRaw("quantities inside a paper's text", () => {
  it("keeps 'N bản sao' followed by words as part of the name (1.001280: '01 bản sao giấy khai sinh…')", () => {
    const { cases, issues } = parsePapers(rawRecordOf("1.001280").thanh_phan_ho_so);
    const names = cases.flatMap((c) => c.papers.map((p) => p.name));
    expect(names.some((n) => n.startsWith("01 bản sao có chứng thực giấy tờ do cơ quan có thẩm quyền"))).toBe(
      true,
    );
    expect(names.some((n) => n.startsWith("01 bản sao giấy khai"))).toBe(true);
    expect(issues).not.toContain("papers: a quantity without a paper name");
  });

  it("reads 'giấy phép nhập khẩu: 01 bản chính1 bản chính' as text then quantity", () => {
    const text = `--${HEADER}Giấy phép xuất khẩu: 01 bản chính1 bản chínhHợp đồng bán hàng0 bản chính,1 bản sao`;
    expect(parsePapers(text).cases[0]!.papers).toEqual([
      { name: "Giấy phép xuất khẩu: 01 bản chính", originals: 1, copies: null, forms: [] },
      { name: "Hợp đồng bán hàng", originals: 0, copies: 1, forms: [] },
    ]);
  });

  it("reads '…: 01 bản chính.1 bản chính' as one paper, never a paper named '.' (1.009559)", () => {
    const { cases } = parsePapers(rawRecordOf("1.009559").thanh_phan_ho_so);
    const papers = cases.flatMap((c) => c.papers);
    expect(papers.every((p) => /\p{L}/u.test(p.name))).toBe(true);
    expect(papers).toContainEqual(
      expect.objectContaining({
        name: expect.stringMatching(/Nghị định 18\/2021\/NĐ-CP: 01 bản chính\.$/),
        originals: 1,
      }),
    );
  });

  it("reads a name that opens with a quantity (3.000160)", () => {
    const { cases, issues } = parsePapers(rawRecordOf("3.000160").thanh_phan_ho_so);
    expect(cases[0]!.papers).toEqual([
      {
        name: "01 bản chính Bảng kê khai phân loại doanh nghiệp chế biến và xuất khẩu gỗ theo Mẫu số 08 Phụ lục I ban hành kèm theo Nghị định 120/2024/NĐ-CP.",
        originals: 1,
        copies: 1,
        forms: ["Mẫu số 08.docx"],
      },
    ]);
    expect(issues).toEqual([]);
  });

  it("reads 'N bản chính' right after a quantity and before more words as the next name's start (3.000522)", () => {
    const { cases } = parsePapers(rawRecordOf("3.000522").thanh_phan_ho_so);
    const names = cases[0]!.papers.map((p) => p.name);
    expect(names[0]).toBe(
      "Văn bản đề nghị cấp lại giấy phép theo Mẫu số 01 Phụ lục II Nghị định số 116/2021/NĐ-CP.",
    );
    expect(names[1]).toMatch(/^01 bản chính Biên bản của cơ sở cai nghiện ma túy tự nguyện/);
    expect(cases[0]!.papers.every((p) => p.originals === 1 && p.copies === 1)).toBe(true);
  });

  it("reads 'Giấy tờ phải nộp' without the star as a role, not a case (3.000163)", () => {
    const { cases } = parsePapers(rawRecordOf("3.000163").thanh_phan_ho_so);
    expect(cases[0]!.title).toBeNull();
    expect(cases[0]!.papers.map((p) => [p.name, p.role, p.originals, p.copies])).toEqual([
      ["Đơn khởi kiện", "nop", 1, null],
      ["Tài liệu, chứng cứ kèm theo (nếu có)", "nop", 0, 1],
      // then a "--" table: the same case, the record no longer says "nộp".
      ["Tài liệu, chứng cứ kèm theo (nếu có)", undefined, 1, 1],
    ]);
  });
});
