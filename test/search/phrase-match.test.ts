/** Finding phrases in a question's tokens (phrase-match.ts). */
import { describe, expect, it } from "vitest";
import { tokenize } from "../../src/search/normalize.ts";
import { findPhrase, foldedWords, mayOccur, phrase } from "../../src/search/phrase-match.ts";

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

describe("mayOccur", () => {
  it("rules out phrases whose first word the question lacks, folded", () => {
    const words = foldedWords(tokenize("Làm lại CĂN CƯỚC bị mất"));
    expect(words.has("can")).toBe(true);
    expect(mayOccur(words, [phrase("hộ chiếu"), phrase("căn cước")])).toBe(true);
    expect(mayOccur(words, [phrase("hộ chiếu"), phrase("giấy phép")])).toBe(false);
    expect(mayOccur(words, [[]])).toBe(false);
  });
});
