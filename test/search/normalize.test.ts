import { describe, expect, it } from "vitest";
import {
  fold,
  foldText,
  MAX_QUERY_CHARS,
  sanitizeQuery,
  tokenize,
  unifyIY,
} from "../../src/search/normalize.ts";

describe("normalize", () => {
  it("folds tone and vowel marks and đ, in NFC and NFD alike", () => {
    expect(foldText("Đăng ký Khai sinh")).toBe("dang ki khai sinh");
    expect(foldText("Đăng ký Khai sinh".normalize("NFD"))).toBe("dang ki khai sinh");
    expect(fold("ỷỹỵ")).toBe("yyy");
  });

  it("keeps the accented copy beside the folded one", () => {
    expect(tokenize("Thuế, thuê!")).toEqual([
      { accented: "thuế", folded: "thue" },
      { accented: "thuê", folded: "thue" },
    ]);
  });

  it("writes a lone y after consonants as i (ký/kí, lý/lí)", () => {
    expect(unifyIY("ký")).toBe("kí");
    expect(unifyIY("lý")).toBe("lí");
    expect(unifyIY("quy")).toBe("quy");
    expect(unifyIY("yêu")).toBe("yêu");
  });

  it("treats punctuation and symbols as separators and caps the token count", () => {
    expect(tokenize("ad ơi...cho em hỏi???").map((t) => t.folded)).toEqual(["ad", "oi", "cho", "em", "hoi"]);
    expect(tokenize("a b c d e", 3)).toHaveLength(3);
    expect(tokenize("👍👍")).toEqual([]);
  });

  it("sanitizes control characters, long lines and runs of one character", () => {
    expect(sanitizeQuery("khai\u0000sinh\u200b")).toBe("khai sinh ");
    expect(sanitizeQuery("a".repeat(100_000))).toBe("aaa");
    expect(sanitizeQuery("khai sinh ".repeat(10_000)).length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
  });
});

describe("sanitizeQuery keeps digits", () => {
  it("keeps runs of zeros in national codes", () => {
    expect(sanitizeQuery("thủ tục 1.000080")).toBe("thủ tục 1.000080");
  });
});

describe("tokenize remembers word forms", () => {
  it("gives each occurrence its own token, with the same forms", () => {
    const [a, b] = tokenize("Ký ký");
    expect(a).toEqual({ accented: "kí", folded: "ki" });
    expect(b).toEqual(a);
    // Tokens are told apart by identity (a story's tokens are a set of token objects).
    expect(b).not.toBe(a);
  });

  it("folds the same after many different words (the memory is bounded and emptied)", () => {
    for (let i = 0; i < 60_000; i++) tokenize(`từ${i}`);
    expect(tokenize("Đăng ký")).toEqual([
      { accented: "đăng", folded: "dang" },
      { accented: "kí", folded: "ki" },
    ]);
  });
});
