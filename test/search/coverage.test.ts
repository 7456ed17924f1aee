/**
 * What the coverage check leaves out of a question: the words of a citizen's story (people,
 * counting, pointing) and a purpose clause after "để" count only when the candidate has them.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadCatalogue } from "../../src/catalogue/load.ts";
import { isSoft } from "../../src/search/coverage.ts";
import { tokenize } from "../../src/search/normalize.ts";
import { createSearch, type ExplainedSearch } from "../../src/search/search.ts";

let search: ExplainedSearch;

beforeAll(async () => {
  search = createSearch(await loadCatalogue("procedures"));
}, 120_000);

describe("coverage", () => {
  it("treats the words of a story as soft (with or without marks), not a procedure word", () => {
    for (const w of ["đứa", "nhau", "mấy", "mảnh", "dua", "nhau"])
      expect(isSoft(tokenize(w)[0]!), w).toBe(true);
    for (const w of ["căn", "cước", "định", "ai"]) expect(isSoft(tokenize(w)[0]!), w).toBe(false);
  });

  it("does not miss the story words of a whole question", () => {
    const e = search.explain("hai đứa em ở hai tỉnh khác nhau thì đăng ký kết hôn ở đâu ạ");
    expect(e.coverage).toBeGreaterThan(0.9);
    expect(e.result.answer).toBe("1.000894");
  });

  it("does not miss the words of a purpose clause after 'để'", () => {
    const e = search.explain("chứng thực bản sao để nộp hồ sơ du học");
    expect(e.coverage).toBeGreaterThan(0.75);
    expect(e.result.answer).toBe("2.000815");
  });

  it("notes when the best candidate explains a citizen term, and not for plain words", () => {
    expect(search.explain("cccd bị gãy thì làm sao").vocabulary).toBe(true);
    expect(search.explain("đăng ký kết hôn").vocabulary).toBe(false);
  });

  it("still says nothing fits for a story with no procedure in it", () => {
    expect(search.search("hai đứa con nhà em hay cãi nhau thì phải làm sao").decision).toBe("none");
    expect(search.search("cả nhà em đều bị cảm thì uống thuốc gì").decision).toBe("none");
  });

  it("says nothing fits when a long message asks advice the story's words cannot give", () => {
    // "chong mat" (dizzy) is also "chồng mất" (husband died): the story must not answer the ask
    const dizzy =
      "chao ad, me em dao nay hay chong mat buon non, di kham bac si bao huyet ap thap. cho em hoi nen cho me an uong the nao";
    expect(search.search(dizzy).decision).toBe("none");
    expect(
      search.search("hang xom xay nha lan sang dat nha em, em tuc qua, lam sao de noi chuyen cho ho hieu")
        .decision,
    ).toBe("none");
    // … while an ask in other words than the procedure's name still finds it
    expect(
      search
        .search(
          "chào ad, công ty em yêu cầu nộp giấy xác nhận thông tin về cư trú thay cho sổ hộ khẩu. em xin giấy đó ở đâu ạ",
        )
        .candidates.map((c) => c.code),
    ).toContain("1.010041");
  });
});
