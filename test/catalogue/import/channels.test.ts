import { expect, it } from "vitest";
import { parseChannels } from "../../../src/catalogue/import/channels.ts";
import { describeRaw, rawRecordOf } from "./raw-records.ts";

const HEADER = "Hình thức nộpThời gianPhí, lệ phíMô tả";

describeRaw("parseChannels on flattened rows (cells concatenated with no separator)", () => {
  it("splits rows by channel and reads time, fee and note of each (1.004222)", () => {
    const { channels, issues } = parseChannels(rawRecordOf("1.004222").cach_thuc_thuc_hien);
    expect(channels.map((c) => c.kind)).toEqual(["truc_tuyen", "truc_tiep"]);
    expect(channels[0]!.time).toEqual({ kind: "known", value: 7, unit: "ngay_lam_viec" });
    expect(channels[0]!.fees).toEqual([
      {
        kind: "amount",
        amount: 10_000,
        currency: "VND",
        note: "Trường hợp công dân nộp hồ sơ qua cổng dịch vụ công trực tuyến thu 10.000 đồng/lần đăng ký.",
      },
    ]);
    expect(channels[1]!.fees[0]).toMatchObject({ kind: "amount", amount: 20_000, currency: "VND" });
    expect(issues).toEqual([]);
  });

  it("keeps the description that follows the fee note (1.014063, three channels)", () => {
    const { channels } = parseChannels(rawRecordOf("1.014063").cach_thuc_thuc_hien);
    expect(channels.map((c) => c.kind)).toEqual(["truc_tiep", "truc_tuyen", "buu_chinh"]);
    expect(channels[0]!.description).toMatch(/^- Trực tiếp tại trụ sở Công an cấp xã/);
    expect(channels[2]).toEqual({
      kind: "buu_chinh",
      time: { kind: "known", value: 7, unit: "ngay_lam_viec" },
      fees: [{ kind: "free", note: "Trả phí cho đơn vị cung cấp dịch vụ." }],
      description: "Trả kết quả qua dịch vụ bưu chính.",
    });
  });

  it("reads several fee lines of a row, each with its note", () => {
    const text = `${HEADER}Trực tiếp15 Ngày làm việc50,000 Việt Nam Đồng(Cấp mới)30,000 Việt Nam Đồng(Cấp lại)Miễn phí(Người có công)Tại Bộ phận Một cửa`;
    const { channels, issues } = parseChannels(text);
    expect(channels).toHaveLength(1);
    expect(channels[0]!.fees).toEqual([
      { kind: "amount", amount: 50_000, currency: "VND", note: "Cấp mới" },
      { kind: "amount", amount: 30_000, currency: "VND", note: "Cấp lại" },
      { kind: "free", note: "Người có công" },
    ]);
    expect(channels[0]!.description).toBe("Tại Bộ phận Một cửa");
    expect(issues).toEqual([]);
  });

  it("treats a time without a unit as unknown, never as days (hộ tịch rows: 1.001193)", () => {
    const { channels } = parseChannels(rawRecordOf("1.001193").cach_thuc_thuc_hien);
    expect(channels.map((c) => c.kind)).toEqual(["truc_tuyen", "buu_chinh", "truc_tiep"]);
    for (const channel of channels) {
      expect(channel.time.kind).toBe("unknown");
      expect(channel.time.note).toContain('"1"');
      expect(channel.fees).toEqual([{ kind: "free" }]);
    }
  });

  it("reads a range of time as value and max", () => {
    const { channels } = parseChannels(`${HEADER}Trực tiếp15 - 20 NgàyMiễn phí`);
    expect(channels[0]!.time).toEqual({ kind: "known", value: 15, max: 20, unit: "ngay" });
  });

  it("does not claim free when the text states a fee (3.000347: 135.000 đồng behind 'Miễn phí')", () => {
    const { channels, issues } = parseChannels(rawRecordOf("3.000347").cach_thuc_thuc_hien);
    expect(channels.map((c) => c.kind)).toEqual(["truc_tuyen", "truc_tiep"]);
    for (const channel of channels) {
      expect(channel.time).toEqual({ kind: "known", value: 5, unit: "ngay_lam_viec" });
      expect(channel.fees).toHaveLength(1);
      expect(channel.fees[0]!.kind).not.toBe("free");
      expect(channel.fees[0]!.note).toContain("Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần");
    }
    expect(issues).toContain(
      'channels: Trực tiếp: labelled "Miễn phí" but the text states 135.000 đồng, 115.000 đồng',
    );
  });

  it("takes the single amount the text states when the label says 'Miễn phí'", () => {
    const { channels, issues } = parseChannels(`${HEADER}Trực tiếp5 NgàyMiễn phí(Lệ phí: 50.000 đồng/hồ sơ)`);
    expect(channels[0]!.fees).toEqual([
      { kind: "amount", amount: 50_000, currency: "VND", note: "Lệ phí: 50.000 đồng/hồ sơ" },
    ]);
    expect(issues).toHaveLength(1);
  });

  it("flags a label that disagrees with the text instead of printing it (2.001610: '100 VNĐ' vs 100.000 đồng)", () => {
    const { channels, issues } = parseChannels(rawRecordOf("2.001610").cach_thuc_thuc_hien);
    const online = channels.find((c) => c.kind === "truc_tuyen")!;
    expect(online.fees).toHaveLength(1);
    expect(online.fees[0]!.kind).toBe("unknown");
    expect(online.fees[0]!.note).toContain('"100 VNĐ"');
    expect(online.fees[0]!.note).toContain("100.000 đồng/lần");
    expect(JSON.stringify(online.fees)).not.toContain('"amount":100,');
    expect(issues).toEqual(['channels: Trực tuyến: label "100 VNĐ" disagrees with the text (100.000 đồng)']);
    // The post and in-person rows say 100,000 VNĐ, which the text confirms.
    expect(channels.find((c) => c.kind === "buu_chinh")!.fees[0]).toMatchObject({
      kind: "amount",
      amount: 100_000,
    });
  });

  it("says 'set by the province' when the text says the People's Council decides", () => {
    const text = `${HEADER}Trực tiếp3 Ngày làm việcMiễn phí(Mức thu do Hội đồng nhân dân cấp tỉnh quyết định)`;
    const { channels } = parseChannels(text);
    expect(channels[0]!.fees).toEqual([
      { kind: "province", note: "Mức thu do Hội đồng nhân dân cấp tỉnh quyết định" },
    ]);
    const abbreviated = parseChannels(
      `${HEADER}Trực tuyến3 Ngày làm việcMiễn phí(Lệ phí do HĐND tỉnh quy định)`,
    );
    expect(abbreviated.channels[0]!.fees).toEqual([
      { kind: "province", note: "Lệ phí do HĐND tỉnh quy định" },
    ]);
  });

  it("reads 'set by the province' from the row description when the fee cell has no information (1.011441)", () => {
    const { channels } = parseChannels(rawRecordOf("1.011441").cach_thuc_thuc_hien);
    expect(channels.length).toBeGreaterThan(0);
    for (const channel of channels) {
      expect(channel.fees).toHaveLength(1);
      expect(channel.fees[0]!.kind).toBe("province");
      expect(channel.fees[0]!.note).toContain("Hội đồng nhân dân cấp tỉnh quyết định");
    }
  });

  it("refuses to split a time glued to a fee when the text does not settle it ('120 VNĐ', text 20.000)", () => {
    const text = `${HEADER}Trực tuyến120 VNĐ(20.000 vnđ /tờ khai)`;
    const { channels, issues } = parseChannels(text);
    expect(channels[0]!.time.kind).toBe("unknown");
    expect(channels[0]!.fees).toHaveLength(1);
    expect(channels[0]!.fees[0]!.kind).toBe("unknown");
    expect(channels[0]!.fees[0]!.note).toContain("120 VNĐ");
    expect(issues.length).toBeGreaterThan(0);
  });

  it("keeps a fee in USD as text (2.000815, two in-person rows)", () => {
    const { channels } = parseChannels(rawRecordOf("2.000815").cach_thuc_thuc_hien);
    expect(channels.map((c) => c.kind)).toEqual(["truc_tiep", "truc_tiep"]);
    expect(channels[0]!.time).toEqual({ kind: "unknown" });
    expect(channels[0]!.fees).toEqual([{ kind: "amount", amount: 2_000, currency: "VND", note: "/trang" }]);
    expect(channels[0]!.description).toContain("tối đa thu không quá 200.000 đồng/bản");
    expect(channels[1]!.fees).toEqual([{ kind: "unknown", note: "10 USD (/bản)" }]);
  });

  it("reads rows whose time column holds words as unknown time with that text", () => {
    const text = `${HEADER}Trực tuyếnKhông phải trả kết quả cho người nộp thuếMiễn phíQua Cổng dịch vụ công quốc gia`;
    const { channels, issues } = parseChannels(text);
    expect(channels).toEqual([
      {
        kind: "truc_tuyen",
        time: { kind: "unknown", note: "Không phải trả kết quả cho người nộp thuế" },
        fees: [{ kind: "free" }],
        description: "Qua Cổng dịch vụ công quốc gia",
      },
    ]);
    expect(issues).toEqual(["channels: the time column holds text instead of a duration"]);
  });

  it("gives nothing for an empty section and keeps the official text without the table header", () => {
    expect(parseChannels(HEADER)).toEqual({ channels: [], issues: [], official: null });
    expect(parseChannels(`${HEADER}Trực tiếp1 NgàyMiễn phí`).official).toBe("Trực tiếp1 NgàyMiễn phí");
  });
});

describeRaw("fee notes that contain list markers", () => {
  it("does not end the note at 'a)' (3.000380: '(a) … 30.000.000 đồng; … b) … 5.000.000 đồng.)')", () => {
    const { channels } = parseChannels(rawRecordOf("3.000380").cach_thuc_thuc_hien);
    // Six rows: 5 working days for a change of content, 3 for a lost licence, on each channel.
    expect(channels.map((c) => [c.kind, c.time.kind === "known" ? c.time.value : null])).toEqual([
      ["truc_tuyen", 5],
      ["buu_chinh", 5],
      ["truc_tiep", 5],
      ["truc_tiep", 3],
      ["truc_tuyen", 3],
      ["buu_chinh", 3],
    ]);
    const online = channels[0]!;
    expect(online.fees).toHaveLength(1);
    expect(online.fees[0]!.kind).toBe("unknown");
    expect(online.fees[0]!.note).toMatch(
      /^a\) Cung cấp dịch vụ tại cảng hàng không quốc tế: .*20\.000\.000 đồng; .*5\.000\.000 đồng\.$/,
    );
    expect(online.description).toBe(
      "- Đối với giấy phép cấp lại do thay đổi nội dung: Trong thời hạn 05 ngày làm việc kể từ ngày nhận đủ hồ sơ.",
    );
  });

  it("reads an unclosed '(1) …' after the fee as the description, not as a note '1' (1.014250)", () => {
    const { channels } = parseChannels(rawRecordOf("1.014250").cach_thuc_thuc_hien);
    expect(channels.length).toBeGreaterThan(3);
    expect(channels[0]!.fees).toEqual([{ kind: "unknown" }]);
    expect(channels[0]!.description).toMatch(/^\(1\) Trường hợp ban hành quyết định đóng cửa mỏ khoáng sản/);
    expect(channels.some((c) => c.time.kind === "known" && c.time.value === 29)).toBe(true);
  });

  it("never prints a label of a few hundred đồng: the thousands were cut off (1.001200, 3.000125)", () => {
    for (const code of ["1.001200", "3.000125"]) {
      const { channels, issues } = parseChannels(rawRecordOf(code).cach_thuc_thuc_hien);
      const fees = channels.flatMap((c) => c.fees);
      expect(fees.length).toBeGreaterThan(0);
      expect(
        fees.some((f) => f.kind === "amount" && f.amount < 1_000),
        code,
      ).toBe(false);
      expect(issues.length).toBeGreaterThan(0);
    }
  });

  it("does not read a USD fee labelled VNĐ as đồng (1.003358: '145 VNĐ(… 145 USD/thẻ.)')", () => {
    const { channels, issues } = parseChannels(rawRecordOf("1.003358").cach_thuc_thuc_hien);
    const fee = channels.flatMap((c) => c.fees).find((f) => f.note?.includes("145 USD/thẻ"));
    expect(fee).toMatchObject({ kind: "unknown" });
    expect(issues.some((i) => i.includes("USD"))).toBe(true);
  });

  it("finds the next row even after a note whose parenthesis is never closed (1.014906)", () => {
    const { channels } = parseChannels(rawRecordOf("1.014906").cach_thuc_thuc_hien);
    expect(channels.map((c) => [c.kind, c.time, c.fees[0]])).toEqual(
      (["truc_tiep", "truc_tuyen", "buu_chinh"] as const).map((kind) => [
        kind,
        { kind: "known", value: 8, unit: "ngay_lam_viec" },
        expect.objectContaining({ kind: "amount", amount: 50_000, currency: "VND" }),
      ]),
    );
  });

  it("keeps fees stated only in the row description beside an unknown fee (1.003135)", () => {
    const { channels, issues } = parseChannels(rawRecordOf("1.003135").cach_thuc_thuc_hien);
    expect(channels.length).toBeGreaterThan(0);
    for (const channel of channels) {
      expect(channel.fees).toHaveLength(1);
      expect(channel.fees[0]!.kind).toBe("unknown");
      expect(channel.fees[0]!.note).toContain("Lệ phí : 20.000 Đồng");
    }
    expect(issues.some((i) => i.endsWith("the fee is stated only in the description"))).toBe(true);
  });
});
