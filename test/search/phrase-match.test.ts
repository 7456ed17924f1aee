/** Finding phrases in a question's tokens (phrase-match.ts). */
import { describe, expect, it } from "vitest";
import { tokenize } from "../../src/search/normalize.ts";
import { FirstWordIndex, findPhrase, foldedWords, phrase } from "../../src/search/phrase-match.ts";

describe("findPhrase", () => {
  it("finds every place, accent-aware: unmarked words match marked ones, marked ones must agree", () => {
    expect(findPhrase(tokenize("khai sinh rồi lại khai sinh"), phrase("khai sinh"))).toEqual([0, 4]);
    expect(findPhrase(tokenize("dang ky khai sinh"), phrase("đăng ký khai sinh"))).toEqual([0]);
    // "thuê" is not "thuế": a marked word must carry the phrase's marks.
    expect(findPhrase(tokenize("khai thuê nhà"), phrase("khai thuế"))).toEqual([]);
  });

  it("finds nothing for an empty phrase or one longer than the question", () => {
    expect(findPhrase(tokenize("khai sinh"), [])).toEqual([]);
    expect(findPhrase(tokenize("khai"), phrase("khai sinh"))).toEqual([]);
  });
});

describe("FirstWordIndex", () => {
  const rules = [
    { name: "passport", says: [phrase("hộ chiếu"), phrase("passport")] },
    { name: "id", says: [phrase("căn cước"), phrase("cccd")] },
    { name: "lost", says: [phrase("bị mất"), phrase("mất")] },
    { name: "empty", says: [[]] },
  ];
  const index = new FirstWordIndex(rules, (r) => r.says);
  const names = (q: string) => index.candidates(foldedWords(tokenize(q))).map((r) => r.name);

  it("gives the items whose phrases may start among the question's words (folded), in their order", () => {
    expect(names("MẤT căn cước")).toEqual(["id", "lost"]);
    expect(names("lam lai ho chieu bi mat")).toEqual(["passport", "lost"]);
    expect(names("giấy phép lái xe")).toEqual([]);
  });

  it("gives each item once, and the same again on the next question", () => {
    expect(names("mất căn cước, mất cccd")).toEqual(["id", "lost"]);
    expect(names("mất căn cước, mất cccd")).toEqual(["id", "lost"]);
  });
});
