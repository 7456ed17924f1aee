import Fuse from "fuse.js";
import { describe, expect, it } from "vitest";
import { bitapMatch, compilePiece, fewestErrors } from "../../src/search/bitap.ts";
import { seededRandom as random } from "../support/random.ts";

function fuse(pattern: string, text: string, threshold: number) {
  const m = Fuse.match(pattern, text, { ignoreLocation: true, threshold });
  return { isMatch: m.isMatch, score: m.isMatch ? m.score : 1 };
}

const words = [
  "cap",
  "giay",
  "khai",
  "sinh",
  "dang",
  "ky",
  "thuong",
  "tru",
  "lai",
  "xe",
  "the",
  "can",
  "cuoc",
  "ho",
  "tich",
  "đất",
  "sổ",
];

describe("fuse.js's Bitap for one piece", () => {
  it("gives Fuse.match's result on random texts and pieces, at every threshold", () => {
    const rnd = random(7);
    const alphabet = "abcdeghiklnst |";
    let compared = 0;
    let found = 0;
    for (let k = 0; k < 3000; k++) {
      const sentence = (n: number) =>
        Array.from({ length: n }, () => words[Math.floor(rnd() * words.length)]).join(" ");
      const noisy = (s: string) =>
        [...s].map((c) => (rnd() < 0.15 ? alphabet[Math.floor(rnd() * alphabet.length)] : c)).join("");
      const text = rnd() < 0.2 ? "" : noisy(sentence(1 + Math.floor(rnd() * 30)));
      const pattern = noisy(sentence(1 + Math.floor(rnd() * 6))).slice(0, 1 + Math.floor(rnd() * 32));
      if (pattern.length === 0 || pattern === text) continue;
      const piece = compilePiece(pattern);
      for (const threshold of [0, 0.001, 0.1, 0.25, 1 / 3, 0.5, 0.6, rnd() * 0.6, 1]) {
        const expected = fuse(pattern, text, threshold);
        expect(bitapMatch(piece, text, threshold), `${pattern} | ${text} | ${threshold}`).toEqual(expected);
        compared++;
        if (expected.isMatch) found++;
      }
    }
    // Both outcomes are exercised, not just one.
    expect(compared).toBeGreaterThan(20_000);
    expect(found / compared).toBeGreaterThan(0.2);
    expect(found / compared).toBeLessThan(0.9);
  });

  it("finds an exact occurrence with no errors and respects the threshold's level", () => {
    const piece = compilePiece("khai sinh");
    expect(fewestErrors(piece, "dang ky khai sinh cho con", 0)).toBe(0);
    expect(fewestErrors(piece, "dang ky khai snh", 0)).toBe(-1);
    expect(fewestErrors(piece, "dang ky khai snh", 0.2)).toBe(1);
    expect(fewestErrors(piece, "dang ky khai sinh", -0.1)).toBe(-1);
  });

  it("handles characters outside ASCII and 32-character pieces", () => {
    const pattern = "cấp giấy chứng nhận quyền sử dụng";
    const piece = compilePiece(pattern.slice(0, 32));
    const text = "thủ tục cấp giây chứng nhân quyền sử dụng đất lần đầu";
    for (const threshold of [0, 0.1, 0.3, 0.6])
      expect(bitapMatch(piece, text, threshold)).toEqual(fuse(pattern.slice(0, 32), text, threshold));
  });

  it("refuses an empty piece or one longer than Bitap's word", () => {
    expect(() => compilePiece("")).toThrow(RangeError);
    expect(() => compilePiece("x".repeat(33))).toThrow(RangeError);
  });
});
