import { describe, expect, it } from "vitest";
import { analyzeQuery } from "../../src/search/query.ts";

describe("query analysis", () => {
  it("drops the story's term when the ask names another procedure in the catalogue's words", () => {
    const analysis = (q: string) => analyzeQuery(q, new Set(), new Set());
    const means = (q: string) => analysis(q).expansions.map((e) => e.tokens.map((t) => t.folded).join(" "));
    // "lấy chồng" told in the story is no marriage registration when the ask says "đăng ký khai sinh"
    const birth =
      "chao ad, em lay chong nguoi han quoc duoc 2 nam, gio sinh be o benh vien. cho em hoi dang ky khai sinh cho be o dau a";
    expect(means(birth)).not.toContain("dang ki ket hon");
    expect(analysis(birth).namedOfficially).toBe(true);
    // a story term naming the same procedure ("mở quán" → đăng ký thành lập hộ kinh doanh) stays
    const shop =
      "chao ad, em dinh mo quan ban tra sua nho truoc nha, co 2 nhan vien. cho em hoi co phai dang ky ho kinh doanh khong";
    expect(means(shop)).toContain("dang ki thanh lap ho kinh doanh");
    expect(analysis(shop).namedOfficially).toBe(false);
    // "đăng ký khai …" opens both the birth and the death registration: they are different things
    const death =
      "chao ad, chong em nguoi uc, anh ay co giay khai sinh o vn. hai vo chong muon dang ky khai tu cho me chong";
    expect(means(death)).not.toContain("dang ki khai sinh");
  });

  it("takes no clause of papers every procedure has ('… thì nộp hồ sơ ở đâu') for the ask", () => {
    const a = analyzeQuery(
      "chồng em người Anh đã sống ở Việt Nam 6 năm, có nhà cửa ở Đà Nẵng. anh ấy muốn xin nhập quốc tịch Việt Nam thì nộp hồ sơ ở đâu ạ?",
      new Set(),
      new Set(),
    );
    const ask = a.content.filter((_, p) => !a.story.has(p)).map((t) => t.folded);
    expect(ask).toContain("nhap");
    expect(ask).toContain("tich");
    // nor is the bare act of registering ("… đăng ký ở đâu")
    const b = analyzeQuery(
      "em ban hang online, khong di lam cong ty. em muon dong bao hiem xa hoi tu nguyen de ve gia co luong huu. dang ky o dau a",
      new Set(),
      new Set(),
    );
    const asked = b.content.filter((_, p) => !b.story.has(p)).map((t) => t.folded);
    expect(asked).toContain("nguyen");
  });

  it("sets a person's nationality aside: the foreign cue says who, the country names no procedure", () => {
    const a = analyzeQuery("khai tu vo nguoi trung quoc", new Set(), new Set());
    const story = [...a.story].map((p) => a.content[p]!.folded);
    expect(story).toEqual(["trung", "quoc"]);
    expect(a.cues.has("foreign")).toBe(true);
  });

  it("leaves an everyday word alone in a message typed with marks ('cho con' is no 'cho công')", () => {
    const syllables = new Set(["tach", "thua", "cho", "cong", "con"]);
    const pairs = new Set(["cho_cong"]);
    const a = analyzeQuery("tách thửa cho con", syllables, pairs);
    expect(a.tokens.map((t) => t.folded)).toContain("con");
    expect(a.tokens.map((t) => t.folded)).not.toContain("cong");
  });

  it("still repairs an unmarked message ('lai se' is 'lái xe')", () => {
    const syllables = new Set(["doi", "giay", "phep", "lai", "xe"]);
    const pairs = new Set(["giay_phep", "phep_lai", "lai_xe"]);
    const a = analyzeQuery("doi giay phep lai se", syllables, pairs);
    expect(a.tokens.map((t) => t.folded)).toContain("xe");
  });

  it("sets aside the vocabulary of a purpose clause after 'để' when the main clause names something", () => {
    const means = (q: string) =>
      analyzeQuery(q, new Set(), new Set()).expansions.map((e) => e.tokens.map((t) => t.folded).join(" "));
    const landUse = means("nhà em có đất vườn muốn chuyển sang đất ở để xây nhà");
    expect(landUse.some((m) => m.includes("chuyen muc dich"))).toBe(true);
    expect(landUse.some((m) => m.includes("giay phep xay dung"))).toBe(false);
    // Only a question frame before "để": the purpose is the question.
    expect(means("cần chuẩn bị gì để cưới vợ").some((m) => m.includes("ket hon"))).toBe(true);
  });

  it("reads no sibling cue from a purpose clause ('… để bổ sung hồ sơ' asks no amendment)", () => {
    const cues = (q: string) => [...analyzeQuery(q, new Set(), new Set()).cues].sort();
    expect(cues("xin ban sao giay khai sinh de bo sung ho so nhap hoc")).toEqual([]);
    expect(cues("đổi bằng lái xe để đi nước ngoài")).toEqual(["exchange"]);
    // only a question frame before it: the purpose is the question, with its cues
    expect(cues("làm sao để bổ sung thông tin")).toEqual(["amend"]);
  });

  it("reads the purpose as the ask after a clause that only goes somewhere ('xuống thôn để …')", () => {
    const a = analyzeQuery("can bo xuong thon de lam khai sinh luu dong", new Set(), new Set());
    expect([...a.cues]).toContain("mobile");
    expect(
      a.expansions.some((e) =>
        e.tokens
          .map((t) => t.folded)
          .join(" ")
          .includes("khai sinh"),
      ),
    ).toBe(true);
    // a paper named before "để" keeps the purpose aside, motion or not
    const b = analyzeQuery("chuyen len dat o de xay nha", new Set(), new Set());
    expect(b.expansions.some((e) => e.tokens.some((t) => t.folded === "xay"))).toBe(false);
  });

  it("reads the act from the ask, not from the story, when the ask names one; who it is about from both", () => {
    const cues = (q: string) => [...analyzeQuery(q, new Set(), new Set()).cues].sort();
    expect(
      cues("xe may cua bo em cu nat, nha muon ban sat vun. cho em hoi thu hoi giay dang ky va bien so xe"),
    ).toEqual(["revoke"]);
    expect(cues("em có bạn người mỹ sang việt nam làm việc, muốn gia hạn thêm thời gian ở lại")).toEqual([
      "extend",
      "foreign",
    ]);
    // an ask without an act of its own keeps the story's
    expect(cues("cccd cua em bi mat o cho hom qua, thu tuc the nao a")).toContain("lost");
  });

  it("counts a story term the ask repeats in plain words as the ask's, so the story's other terms drop", () => {
    const a = analyzeQuery(
      "me em 65 tuoi chua lam khai sinh, ba chi co cccd voi so ho khau. gio muon dang ky khai sinh cho ba",
      new Set(),
      new Set(),
    );
    const means = a.expansions.map((e) => e.tokens.map((t) => t.folded).join(" "));
    expect(means.some((m) => m.includes("can cuoc"))).toBe(false);
    expect(means.some((m) => m.includes("thuong tru"))).toBe(false);
  });

  it("reads no sibling cue from a circumstance set aside ('… sau khi đổi căn cước')", () => {
    const cues = (q: string) => [...analyzeQuery(q, new Set(), new Set()).cues].sort();
    expect(cues("đổi tên trên sổ hồng sau khi đổi căn cước")).toEqual(["amend"]);
    expect(cues("đổi thẻ căn cước khi đổi tên")).toEqual(["exchange"]);
  });

  it("marks the story told before the ask, and drops its vocabulary when the ask has its own", () => {
    const a = analyzeQuery(
      "em lấy chồng người nhật, con sinh bên đó, giờ muốn làm giấy khai sinh cho con",
      new Set(),
    );
    const words = (ps: Iterable<number>) => [...ps].map((p) => a.content[p]!.accented);
    expect(words(a.story)).toContain("lấy");
    expect(words(a.story)).not.toContain("khai");
    const means = a.expansions.map((e) => e.tokens.map((t) => t.folded).join(" "));
    expect(means.some((m) => m.includes("khai sinh"))).toBe(true);
    expect(means.some((m) => m.includes("ket hon"))).toBe(false);
    // With no term of its own in the ask, the story's terms stay.
    const b = analyzeQuery(
      "em mới chuyển lên thành phố thuê nhà, thì có phải khai báo gì với công an không",
      new Set(),
    );
    expect(b.expansions.some((e) => e.tokens.some((t) => t.folded === "tru"))).toBe(true);
  });

  it("counts an everyday word inside a catalogue phrase as naming ('hộ' in 'hộ chiếu')", () => {
    const pairs = new Set(["ho_chieu"]);
    const a = analyzeQuery(
      "em muốn đi du lịch hàn quốc tháng sau mà chưa có hộ chiếu, giờ làm ở đâu",
      new Set(),
      pairs,
    );
    const story = [...a.story].map((p) => a.content[p]!.accented);
    expect(story).toContain("lịch");
    expect(story).not.toContain("chiếu");
  });

  it("keeps a tone-key-only Telex repair only with a neighbour's support ('kys' after 'dang', not 'bus')", () => {
    const syllables = new Set(["dang", "ki", "xe", "bu", "so"]);
    const pairs = new Set(["dang_ki", "xe_so"]);
    const folded = (q: string) => analyzeQuery(q, syllables, pairs).tokens.map((t) => t.folded);
    expect(folded("ddawng kys")).toEqual(["dang", "ki"]);
    expect(folded("xe bus so 32")).toContain("bus");
  });

  it("does not take a short follow-up question for the ask: the procedure before it is not story", () => {
    const q = "chao ad, em lam mat vi o cho. cho em hoi cap lai cccd o dau, co phai ve que khong";
    const a = analyzeQuery(q, new Set(), new Set(["ve_que"]));
    const asked = a.content.filter((_, p) => !a.story.has(p)).map((t) => t.folded);
    expect(asked).toEqual(expect.arrayContaining(["cap", "lai", "cccd"]));
    // A follow-up naming a procedure of its own is the ask ("… có phải đăng ký hộ kinh doanh không").
    const b = analyzeQuery(
      "em dinh mo quan tra sua truoc nha. cho em hoi co phai dang ky ho kinh doanh khong",
      new Set(),
      new Set(),
    );
    expect(b.content.filter((_, p) => b.story.has(p)).map((t) => t.folded)).toContain("tra");
  });
});
