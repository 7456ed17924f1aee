import { describe, expect, it } from "vitest";
import { resolveFee, resolveGluedFee } from "../../../src/catalogue/import/fees.ts";

const resolve = (label: string, note?: string) => {
  const issues: string[] = [];
  return { fee: resolveFee(label, note, "Trực tiếp", issues), issues };
};

describe("resolveFee", () => {
  it("trusts a label the note confirms or does not contradict", () => {
    expect(resolve("20,000 Việt Nam Đồng", "20.000 đồng/lần")).toEqual({
      fee: { kind: "amount", amount: 20_000, currency: "VND", note: "20.000 đồng/lần" },
      issues: [],
    });
    expect(resolve("2,000 Việt Nam Đồng", "/trang").fee).toEqual({
      kind: "amount",
      amount: 2_000,
      currency: "VND",
      note: "/trang",
    });
    expect(resolve("Miễn phí").fee).toEqual({ kind: "free" });
    expect(resolve("Không có thông tin").fee).toEqual({ kind: "unknown" });
  });

  it("does not print a label the note contradicts", () => {
    const { fee, issues } = resolve("5,000 Việt Nam Đồng", "thu 7.000 đồng/lần đăng ký.");
    expect(fee).toEqual({
      kind: "unknown",
      note: 'Nguồn ghi "5,000 Việt Nam Đồng"; mô tả: thu 7.000 đồng/lần đăng ký.',
    });
    expect(issues).toEqual([
      'channels: Trực tiếp: label "5,000 Việt Nam Đồng" disagrees with the text (7.000 đồng)',
    ]);
  });

  it("does not claim free when the note states fees", () => {
    expect(resolve("Miễn phí", "Lệ phí: 135.000 đồng/lần; trực tuyến 115.000 đồng/lần").fee.kind).toBe(
      "unknown",
    );
    expect(resolve("Miễn phí", "Lệ phí: 50.000 đồng/lần").fee).toMatchObject({
      kind: "amount",
      amount: 50_000,
    });
  });

  it("refuses amounts under 1.000 đồng and USD written as VNĐ", () => {
    expect(resolve("850 VNĐ").fee).toEqual({ kind: "unknown", note: 'Nguồn ghi "850 VNĐ"' });
    expect(resolve("145 VNĐ", "Thẻ tạm trú: 145 USD/thẻ.").fee.kind).toBe("unknown");
    expect(resolve("10 USD", "/bản").fee).toEqual({ kind: "unknown", note: "10 USD (/bản)" });
  });

  it("says the province sets the fee when the note says so, whatever the label", () => {
    const note = "Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh quyết định";
    expect(resolve("Miễn phí", note).fee).toEqual({ kind: "province", note });
    const labelled = resolve("150,000 Việt Nam Đồng", note);
    expect(labelled.fee).toEqual({ kind: "province", note });
    expect(labelled.issues).toHaveLength(1);
  });
});

describe("resolveGluedFee ('120,000 VNĐ' right after the channel: time '1' and fee '20,000', or fee '120,000'?)", () => {
  it("takes the split the note confirms", () => {
    const issues: string[] = [];
    expect(
      resolveGluedFee("120,000", "VNĐ", "mức thu là 20.000 VNĐ/tờ khai", "Trực tuyến", issues),
    ).toMatchObject({
      kind: "amount",
      amount: 20_000,
    });
    expect(issues).toEqual([]);
  });

  it("leaves the fee unknown when the note does not settle it", () => {
    const issues: string[] = [];
    expect(resolveGluedFee("120", "VNĐ", "20.000 vnđ /tờ khai", "Trực tuyến", issues)).toEqual({
      kind: "unknown",
      note: 'Nguồn ghi "120 VNĐ"; mô tả: 20.000 vnđ /tờ khai',
    });
    expect(issues).toHaveLength(1);
  });
});
