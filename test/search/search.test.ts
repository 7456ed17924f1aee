/**
 * The search over real procedure records: exact code lookup, ranking of siblings, repealed
 * procedures below their replacement, and bad input that must never throw.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Catalogue } from "../../src/catalogue/catalogue.ts";
import { loadCatalogue } from "../../src/catalogue/load.ts";
import type { Procedure } from "../../src/catalogue/schema.ts";
import { createSearch, type ExplainedSearch } from "../../src/search/search.ts";
import type { ProcedureSearch, SearchResult } from "../../src/search/types.ts";

let full: Catalogue;
let search: ProcedureSearch;

/**
 * A smaller catalogue of real records: the given codes plus 400 others (so word rarity stays
 * realistic), optionally edited.
 */
function subset(codes: readonly string[], edit: (p: Procedure) => Procedure = (p) => p): Catalogue {
  const others = full.procedures.filter((p) => !codes.includes(p.code) && !/căn cước|cư trú/i.test(p.field));
  const procedures = [...codes.map((c) => full.byCode.get(c)!), ...others.slice(0, 400)].map(edit);
  return { ...full, procedures, byCode: new Map(procedures.map((p) => [p.code, p])) };
}

function expectValid(r: SearchResult, query: string): void {
  expect(r.query).toBe(query);
  expect(["answer", "clarify", "none"]).toContain(r.decision);
  expect(r.candidates.length).toBeLessThanOrEqual(5);
  if (r.decision === "answer") expect(r.answer).toBe(r.candidates[0]?.code);
  else expect(r.answer).toBeNull();
  expect(JSON.parse(JSON.stringify(r))).toEqual(r);
}

beforeAll(async () => {
  full = await loadCatalogue("procedures");
  search = createSearch(full);
}, 120_000);

describe("createSearch", () => {
  it("answers an exact national code first, with or without 'thủ tục'", () => {
    expect(search.search("1.001193").answer).toBe("1.001193");
    expect(search.search("thủ tục 1.004222 cần gì").answer).toBe("1.004222");
    expect(search.search("9.999999").answer).toBeNull();
  });

  it("leaves an unmarked 'roi' closing a clause as 'rồi', not a misspelt 'đời' or 'đổi'", () => {
    const words = (q: string) => (search as ExplainedSearch).explain(q).analysis!.tokens.map((t) => t.folded);
    expect(words("xe may cua bo em cu nat qua roi, nha muon ban sat vun, thu hoi bien so xe")).toContain(
      "roi",
    );
    expect(words("chong em o viet nam 7 nam roi, noi tieng viet tot, muon nhap quoc tich")).toContain("roi");
  });

  it("finds a procedure the way citizens write it", () => {
    for (const q of [
      "đăng ký khai sinh",
      "dang ky khai sinh",
      "ddawng kys khai sinh",
      "đăng ký khai sinh".normalize("NFD"),
    ]) {
      expect(search.search(q).candidates[0]?.code).toBe("1.001193");
    }
  });

  it("finds long-named procedures by the short phrase citizens use (curated aliases)", () => {
    for (const [q, code] of [
      ["đính chính sổ đỏ", "1.012796"],
      ["chuyển mục đích sử dụng đất", "1.013949"],
      ["chuyển đất vườn sang đất ở", "1.013949"],
      ["thi bằng lái xe máy", "3.000346"],
      ["quyết toán thuế tncn", "2.002233"],
      ["đổi nơi khám chữa bệnh ban đầu", "1.002759"],
      ["mua đất giấy tay", "1.012785"],
    ]) {
      expect(search.search(q!).candidates[0]?.code, q).toBe(code);
    }
  });

  it("keeps a procedure without age siblings for a child ('hộ chiếu cho trẻ em')", () => {
    expect(search.search("làm hộ chiếu cho trẻ em").candidates[0]?.code).toBe("1.001456");
    expect(search.search("làm căn cước cho trẻ em").candidates[0]?.code).toBe("1.014062");
  });

  it("separates siblings with cues", () => {
    const sub = createSearch(subset(["1.014061", "1.014063", "1.014064", "1.014062"]));
    expect(sub.search("mất căn cước").candidates[0]?.code).toBe("1.014064");
    expect(sub.search("căn cước hết hạn").candidates[0]?.code).toBe("1.014063");
    expect(sub.search("làm căn cước cho con 6 tuổi").candidates[0]?.code).toBe("1.014062");
    expect(sub.search("làm căn cước lần đầu").candidates[0]?.code).toBe("1.014061");
  });

  it("never ranks a repealed procedure above its replacement", () => {
    // 1.004222 marked repealed and replaced by 1.004194, only for this test.
    const cat = subset(["1.004222", "1.004194"], (p) =>
      p.code === "1.004222" ? { ...p, status: { state: "repealed", replacedBy: ["1.004194"] } } : p,
    );
    const codes = createSearch(cat)
      .search("đăng ký thường trú")
      .candidates.map((c) => c.code);
    expect(codes.indexOf("1.004194")).toBeLessThan(codes.indexOf("1.004222"));
  });

  it("says nothing fits for out-of-scope questions", () => {
    for (const q of ["giá vàng hôm nay", "thời tiết hà nội ngày mai", "xin chào"]) {
      const r = search.search(q);
      expect(r.decision).toBe("none");
      expect(r.candidates).toEqual([]);
    }
  });

  it("falls back to fuse.js when the token index finds nothing, and only offers choices then", () => {
    // Words typed without spaces are unknown to the index: the fallback finds the procedure and
    // asks the citizen to choose (never a direct answer).
    const glued = search.search("thuongtru");
    expect(glued.decision).toBe("clarify");
    expect(glued.candidates.map((c) => c.code)).toContain("1.004222");
    const copy = search.search("chungthucbansao");
    expect(copy.decision).toBe("clarify");
    expect(copy.candidates.map((c) => c.code)).toContain("2.000815");
    // Gibberish still gets "nothing fits".
    for (const q of ["asdfghjkl", "qwertyuiop", "xxxxxxxxx yyyyyyy"])
      expect(search.search(q).decision).toBe("none");
  });

  it("reports the aspect", () => {
    expect(search.search("đăng ký kết hôn cần giấy tờ gì").aspect).toBe("papers");
    expect(search.search("làm hộ chiếu mất bao lâu").aspect).toBe("time");
  });

  it("finds the procedure for a question in English", () => {
    const expected: [string, string, string | null][] = [
      ["birth registration", "1.001193", null],
      ["How much is the fee for a passport?", "1.001456", "fee"],
      ["I lost my ID card, what do I need?", "1.014064", "papers"],
      ["my wife is a foreigner, how do we register our marriage", "2.000806", null],
    ];
    for (const [q, code, aspect] of expected) {
      const found = search.search(q);
      expect(found.candidates[0]?.code, q).toBe(code);
      expect(found.aspect, q).toBe(aspect);
      expect(found.query, q).toBe(q);
    }
    expect(search.search("work permit").decision).toBe("none");
  });

  it("marks a question that only asks about an aspect as a follow-up", () => {
    for (const q of [
      "phí bao nhiêu?",
      "nop o dau",
      "nộp hồ sơ ở đâu vậy",
      "thời gian giải quyết bao lâu",
      "cần mang những giấy tờ gì ạ",
      "bao lâu thì xong",
      "kết quả trả ở đâu",
      "mất bao lâu",
      "cần giấy tờ gì",
      "hồ sơ gồm những gì",
    ]) {
      expect(search.search(q).followUp, q).toBe(true);
    }
    // A procedure, a sibling cue or a code is named; or nothing is asked.
    for (const q of [
      "cccd phí bao nhiêu",
      "nộp thuế ở đâu",
      "gia hạn bao lâu",
      "1.001193 phí bao nhiêu",
      "giá vàng bao nhiêu",
      "xin chào",
    ]) {
      expect(search.search(q).followUp, q).toBeUndefined();
    }
  });

  it("ranks the foreign-element variant first for a foreign spouse, like its plain sibling", () => {
    expect(search.search("khai tu nguoi nuoc ngoai").candidates[0]?.code).toBe("1.001766");
    expect(search.search("khai tu vo nguoi trung quoc").candidates[0]?.code).toBe("1.001766");
    const story =
      "chao ad, em lay chong nguoi han quoc duoc 2 nam, gio sinh be o benh vien tu du. cho em hoi dang ky khai sinh cho be o dau a?";
    expect(search.search(story).candidates[0]?.code).toBe("2.000528");
    // without the cue the plain procedure keeps its place
    expect(search.search("khai tu cho vo").candidates[0]?.code).toBe("1.000656");
  });

  it("returns a valid object for bad input and never throws", () => {
    const bad = [
      "",
      "   \t  ",
      "👍👍👍",
      "\u0000\u0001\u0007\u001b[31m",
      "a".repeat(100 * 1024),
      "khai sinh ".repeat(400),
      "đ".repeat(4000),
      "\ud800 lone surrogate",
      "ẻ".normalize("NFD").repeat(2000),
      "1.".repeat(3000),
    ];
    for (const q of bad) expectValid(search.search(q), q);
    // Non-string input from a careless caller reads as an empty query.
    expectValid(search.search(undefined as unknown as string), "");
  });
});
