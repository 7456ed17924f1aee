import { describe, expect, it } from "vitest";
import { tokenize } from "../../src/search/normalize.ts";
import { repairPairs, spellingVariants } from "../../src/search/spelling.ts";

const pairs = new Set(["khai_sinh", "thuong_tru", "kinh_doanh"]);
const repaired = (text: string) =>
  repairPairs(tokenize(text), pairs)
    .map((t) => t.folded)
    .join(" ");

describe("pair-checked spelling repair", () => {
  it("offers regional and dropped-letter variants", () => {
    expect(spellingVariants("chu")).toContain("tru");
    expect(spellingVariants("sin")).toContain("sinh");
  });

  it("repairs only when the pair becomes a known one", () => {
    expect(repaired("khai sin")).toBe("khai sinh");
    expect(repaired("thuong chu")).toBe("thuong tru");
    expect(repaired("kin doanh")).toBe("kinh doanh");
    expect(repaired("gia vang")).toBe("gia vang");
  });

  it("reads the teen code's 'f' as 'ph' and 'z' as 'd'/'gi' when the pair becomes a known one", () => {
    const known = new Set(["giay_phep", "phep_lai", "giay_to"]);
    const fixed = (text: string) =>
      repairPairs(tokenize(text), known)
        .map((t) => t.folded)
        .join(" ");
    expect(fixed("doi giay fep lai xe")).toBe("doi giay phep lai xe");
    expect(fixed("zay to")).toBe("giay to");
    expect(fixed("fan mem")).toBe("fan mem");
  });

  it("never changes a kept position (a greeting is not a misspelling)", () => {
    const known = new Set(["anh_tri"]);
    expect(
      repairPairs(tokenize("anh chị"), known, new Set([1]))
        .map((t) => t.accented)
        .join(" "),
    ).toBe("anh chị");
  });

  it("leaves a syllable alone when it forms a known pair with its next neighbour", () => {
    const known = new Set(["nguoi_hanh", "han_quoc"]);
    const fix = (text: string) =>
      repairPairs(tokenize(text), known)
        .map((t) => t.folded)
        .join(" ");
    expect(fix("nguoi han quoc")).toBe("nguoi han quoc");
    expect(fix("nguoi han nghe")).toBe("nguoi hanh nghe");
  });

  it("takes an everyday word as evidence only when it is anchored in a known pair", () => {
    const known = new Set(["de_dau", "dau_tu", "giay_phep", "phep_lai", "lai_xe"]);
    const fix = (text: string, weak: number[]) =>
      repairPairs(tokenize(text), known, new Set(), new Set(weak))
        .map((t) => t.folded)
        .join(" ");
    // "để" before "giàu": no catalogue phrase holds "để" here, so "giàu" stays.
    expect(fix("lam sao de giau", [2])).toBe("lam sao de giau");
    // "lại/lái" after "phép" is anchored ("phép lái"), so "se" is still "xe".
    expect(fix("doi giay phep lai se", [3])).toBe("doi giay phep lai xe");
  });

  it("changes an everyday word only when the new spelling fits both its neighbours", () => {
    const known = new Set(["dat_doi", "doi_giay", "giay_phep"]);
    const fix = (text: string, weak: number[]) =>
      repairPairs(tokenize(text), known, new Set(), new Set(weak))
        .map((t) => t.folded)
        .join(" ");
    // "rồi" after "đạt" is no "đồi" ("đất đồi" is known, "đồi thi" is not)
    expect(fix("sat hach dat roi thi", [3])).toBe("sat hach dat roi thi");
    // at the end of the message, one fitting neighbour is enough
    expect(fix("sat hach dat roi", [3])).toBe("sat hach dat doi");
    // "rồi" before "giấy" fits both sides as "đồi" only when "đất đồi" and "đồi giấy" are known
    expect(fix("dat roi giay", [1])).toBe("dat doi giay");
  });
});
