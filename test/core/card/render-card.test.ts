import { describe, expect, it } from "vitest";
import type { Locality, Procedure } from "../../../src/catalogue/schema.ts";
import { renderAspect, renderCard, sectionOrder } from "../../../src/core/card/render-card.ts";
import type { Block } from "../../../src/core/model.ts";
import { translator } from "../../../src/locales/index.ts";
import { realLocality, realProcedure } from "../support.ts";

const locality = realLocality();
const names = new Map([["3.000722", realProcedure("3.000722").name]]);

function card(
  procedure: Procedure,
  aspect: Parameters<typeof renderCard>[1] = null,
  options: { locale?: "vi" | "en"; locality?: Locality } = {},
) {
  const locale = options.locale ?? "vi";
  return renderCard(procedure, aspect, {
    locale,
    tr: translator(locale),
    locality: options.locality ?? locality,
    nameOf: (code) => names.get(code),
  });
}

const text = (blocks: Block[]) =>
  blocks
    .map((block) =>
      block.kind === "list"
        ? block.items.join("\n")
        : block.kind === "checklist"
          ? block.items.map((item) => item.text).join("\n")
          : block.kind === "link"
            ? `${block.label} ${block.url}`
            : block.text,
    )
    .join("\n");

const headings = (blocks: Block[]) =>
  blocks.filter((block) => block.kind === "heading").map((block) => (block as { text: string }).text);

describe("the procedure card", () => {
  it("shows the name and the code exactly as in the catalogue, the level, and the official link", () => {
    const birth = realProcedure("1.001193");
    const blocks = card(birth);
    expect(blocks[0]).toEqual({ kind: "heading", text: "Thủ tục đăng ký khai sinh" });
    expect(text(blocks)).toContain("Mã thủ tục: 1.001193");
    expect(text(blocks)).toContain("Cấp thực hiện: Xã");
    expect(blocks.at(-1)).toEqual({
      kind: "link",
      label: "Xem trên trang chính thức",
      url: birth.source.url,
    });
  });

  it("answers a follow-up with the one section asked, and the official link once", () => {
    const birth = realProcedure("1.001193");
    const ctx = {
      locale: "vi" as const,
      tr: translator("vi"),
      locality,
      nameOf: (code: string) => names.get(code),
    };
    const fee = renderAspect(birth, "fee", ctx);
    expect(headings(fee)).toEqual(["Lệ phí"]);
    expect(fee.at(-1)).toEqual({ kind: "link", label: "Xem trên trang chính thức", url: birth.source.url });
    // Online: the place section links the official page already (it is where one applies online).
    const online = renderAspect(birth, "online", ctx);
    expect(headings(online)).toEqual(["Nộp ở đâu, nộp thế nào"]);
    expect(online.filter((block) => block.kind === "link" && block.url === birth.source.url)).toHaveLength(1);
  });

  it("says when the record still names the abolished district level, and points to the hotline", () => {
    const note = "Từ ngày 01/7/2025 không còn cấp huyện";
    const lostPassport = realProcedure("1.010385"); // "… (thực hiện tại cấp huyện)", Công an huyện
    expect(text(card(lostPassport))).toContain(note);
    expect(text(card(lostPassport))).toContain(locality.hotline);
    expect(text(card(realProcedure("1.001193")))).not.toContain(note);
    const ctx = {
      locale: "vi" as const,
      tr: translator("vi"),
      locality,
      nameOf: (code: string) => names.get(code),
    };
    expect(text(renderAspect(lostPassport, "place", ctx))).toContain(note);
    expect(text(renderAspect(lostPassport, "fee", ctx))).not.toContain(note);
    expect(text(card(lostPassport, null, { locale: "en" }))).toContain(
      "Districts were abolished on 1 July 2025",
    );
  });

  it("leads with the aspect asked", () => {
    const birth = realProcedure("1.001193");
    expect(headings(card(birth, "fee"))[1]).toBe("Lệ phí");
    expect(headings(card(birth, "time"))[1]).toBe("Thời gian giải quyết");
    expect(headings(card(birth, "place"))[1]).toBe("Nộp ở đâu, nộp thế nào");
    expect(headings(card(birth, "papers"))[1]).toBe("Giấy tờ cần mang");
    expect(headings(card(birth, null))[1]).toBe("Giấy tờ cần mang");
    expect(headings(card(birth, "steps"))[1]).toBe("Các bước thực hiện");
    expect(sectionOrder("legal")[0]).toBe("legal");
    expect(sectionOrder("online")[0]).toBe("place");
  });

  it("puts online submission first (with the portal link and the VNeID level-2 note) when asked about online", () => {
    const blocks = card(realProcedure("1.001193"), "online");
    const place = blocks.findIndex(
      (block) => block.kind === "heading" && block.text === "Nộp ở đâu, nộp thế nào",
    );
    expect(blocks[place + 1]).toMatchObject({
      kind: "paragraph",
      text: expect.stringContaining("VNeID mức độ 2"),
    });
    expect(blocks[place + 2]).toMatchObject({ kind: "link", url: realProcedure("1.001193").source.url });
  });

  it("says in person with the locality's offices and hours, by post, and online", () => {
    const all = text(card(realProcedure("1.001193")));
    for (const office of locality.offices) {
      expect(all).toContain(office.name);
      expect(all).toContain(office.openingHours);
    }
    expect(all).toContain("Gửi hồ sơ qua bưu điện");
    expect(all).toContain("Cổng Dịch vụ công quốc gia");
  });

  it("says when a procedure cannot be done online, without a VNeID note", () => {
    const all = text(card(realProcedure("1.000016")));
    expect(all).toContain("Thủ tục này chưa nộp trực tuyến được.");
    expect(all).not.toContain("VNeID");
  });

  it("formats amounts the Vietnamese way, per channel when they differ", () => {
    const blocks = card(realProcedure("1.004222"), "fee");
    const fee = text(blocks.slice(2, 4));
    expect(fee).toContain("Nộp trực tuyến: 10.000 đồng");
    expect(fee).toContain("Nộp trực tiếp: 20.000 đồng");
    expect(text(card(realProcedure("1.004222"), "fee", { locale: "en" }))).toContain("Online: 10,000 VND");
  });

  it("shows a free procedure once as 'miễn phí' and an unknown time as unknown with the record's note", () => {
    const all = text(card(realProcedure("1.001193")));
    expect(all).toMatch(/Lệ phí\nmiễn phí\n/);
    expect(all).toContain(
      'Thời gian giải quyết\nchưa rõ, xem trang chính thức (Nguồn ghi "1" nhưng không ghi đơn vị',
    );
  });

  it("shows a province-set fee as decided by the provincial council, and applies the locality's override", () => {
    const death = realProcedure("1.000656");
    expect(text(card(death, "fee"))).toContain("do HĐND tỉnh quyết định");
    const local: Locality = {
      ...locality,
      feeOverrides: [
        {
          code: "1.000656",
          fees: [{ kind: "amount", amount: 8000, currency: "VND" }],
          decision: "Nghị quyết số 12/2026/NQ-HĐND",
        },
      ],
    };
    const overridden = text(card(death, "fee", { locality: local }));
    expect(overridden).toContain("8.000 đồng");
    expect(overridden).toContain("Theo quy định của địa phương (Nghị quyết số 12/2026/NQ-HĐND).");
    expect(overridden).not.toContain("do HĐND tỉnh quyết định");
  });

  it("never invents a fee, time or channel the record does not give", () => {
    // A real record whose submission table could not be read: the import leaves `channels` empty.
    const noChannels: Procedure = { ...realProcedure("1.007689"), channels: [] };
    const all = text(card(noChannels));
    expect(all).toContain("Lệ phí\nchưa rõ, xem trang chính thức");
    expect(all).toContain("Thời gian giải quyết\nchưa rõ, xem trang chính thức");
    expect(all).toContain("Chưa rõ cách nộp. Xem trang chính thức.");
    expect(all).not.toMatch(/\d[\d.]* đồng/);
  });

  it("shows the papers with counts and forms, and unknown counts as unknown", () => {
    const withForms = realProcedure("1.000045");
    const all = text(card(withForms, "papers"));
    expect(all).toContain("(1 bản chính; mẫu: Mẫu số 29.docx)");
    expect(all).toContain("(1 bản sao)");
    const paper = { name: "Tờ khai", originals: null, copies: null, forms: [], role: "nop" as const };
    const unknownCounts: Procedure = { ...withForms, cases: [{ title: null, papers: [paper], notes: [] }] };
    expect(text(card(unknownCounts, "papers"))).toContain("Tờ khai (số bản: chưa rõ)");
  });

  it("lists the cases instead of every paper when there are many, pointing to the checklist", () => {
    const residence = realProcedure("1.004222");
    expect(residence.cases.length).toBeGreaterThan(2);
    const all = text(card(residence, "papers"));
    expect(all).toContain(`Thủ tục này có ${residence.cases.length} trường hợp.`);
    expect(all).toContain("Đăng ký thường trú vào chỗ ở hợp pháp do thuê, mượn, ở nhờ");
  });

  it("says when the papers are not known, showing the official wording when nothing could be read", () => {
    const record = realProcedure("1.001613");
    const noCases: Procedure = {
      ...record,
      cases: [],
      official: { ...record.official, papers: "Tờ khai theo mẫu 14-HSB" },
    };
    const all = text(card(noCases, "papers"));
    expect(all).toContain(
      "Chưa rõ giấy tờ cần mang. Xem trang chính thức.\nNguyên văn trên trang chính thức:\nTờ khai theo mẫu 14-HSB",
    );
    const nothing = text(card({ ...noCases, official: {} }, "papers"));
    expect(nothing).toContain("Chưa rõ giấy tờ cần mang.");
    expect(nothing).not.toContain("Nguyên văn");
  });

  it("notes sections the importer could not read cleanly, once", () => {
    // The importer's wording for a legal-basis table it could not split cleanly.
    const birth: Procedure = {
      ...realProcedure("1.001193"),
      parseIssues: [
        "legalBasis: an item may hold two titles run together",
        "legalBasis: text without a document number kept as a title",
      ],
    };
    const blocks = card(birth);
    const notes = blocks.filter(
      (block) => block.kind === "paragraph" && block.text.startsWith("Phần này có chỗ chưa đọc rõ"),
    );
    expect(notes).toHaveLength(1);
    const legal = blocks.findIndex((block) => block.kind === "heading" && block.text === "Căn cứ pháp lý");
    expect(blocks[legal + 2]).toBe(notes[0]);
  });

  it("shows the legal basis short: document numbers", () => {
    const all = text(card(realProcedure("1.001193"), "legal"));
    expect(all).toContain("123/2015/NĐ-CP");
    expect(all).not.toContain("quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch123");
  });

  it("marks unreviewed records, and not reviewed ones", () => {
    const birth = realProcedure("1.001193");
    expect(text(card({ ...birth, reviewed: false }))).toContain("chưa được cán bộ kiểm tra");
    expect(text(card({ ...birth, reviewed: true }))).not.toContain("chưa được cán bộ kiểm tra");
  });

  it("says a repealed procedure is repealed and names its replacement", () => {
    const old = realProcedure("2.000986");
    const all = text(card(old));
    expect(all).toContain("Thủ tục này đã bị bãi bỏ.");
    expect(all).toContain(`${names.get("3.000722")} (3.000722)`);
  });

  it("points to the official page for hand-written records with free-text notes", () => {
    expect(text(card(realProcedure("3.000722")))).toContain(
      "Một số phần chưa đọc rõ được. Xem đầy đủ trên trang chính thức.",
    );
  });

  it("gives every section its own blocks so long cards split at section boundaries", () => {
    const blocks = card(realProcedure("1.001193"));
    for (const heading of [
      "Giấy tờ cần mang",
      "Lệ phí",
      "Thời gian giải quyết",
      "Nộp ở đâu, nộp thế nào",
      "Căn cứ pháp lý",
    ]) {
      expect(blocks.some((block) => block.kind === "heading" && block.text === heading)).toBe(true);
    }
    for (const block of blocks) if (block.kind === "paragraph") expect(block.text.length).toBeLessThan(3500);
  });

  it("renders in English with the same structure", () => {
    const blocks = card(realProcedure("1.001193"), "fee", { locale: "en" });
    expect(headings(blocks)[1]).toBe("Fee");
    expect(text(blocks)).toContain("Procedure code: 1.001193");
    expect(text(blocks)).toMatch(/Fee\nfree/);
  });
});
