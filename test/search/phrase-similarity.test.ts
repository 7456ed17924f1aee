import Fuse from "fuse.js";
import { describe, expect, it } from "vitest";
import { phrasePattern, phraseSimilarity } from "../../src/search/phrase-similarity.ts";

/** fuse.js's own similarity, the way the re-rank used it before chunks were matched one by one. */
function fuseSimilarity(pattern: string, text: string): number {
  const m = Fuse.match(pattern, text, { ignoreLocation: true, threshold: 0.6 });
  return m.isMatch ? 1 - (m.score ?? 1) : 0;
}

const texts = [
  "cap giay khai sinh | lam giay khai sinh cho con | dang ky khai sinh",
  "cap doi the can cuoc | lam cccd | lam can cuoc cong dan gan chip",
  "dang ky thuong tru",
  "cap lai giay phep lai xe bi mat | cap lai bang lai xe",
];
const patterns = [
  "khai sinh",
  "lam cccd cho con 10 tuoi can gi",
  "ad oi cho em hoi lam cccd cho con 10 tuoi can gi a",
  "cap lai bang lai xe bi mat thi lam the nao va mat bao lau",
  "dang ky thuong tru",
  "dang ky thuong tru cho con moi sinh o ha noi can giay to gi",
];

describe("phraseSimilarity", () => {
  it("equals fuse.js's similarity when nothing is needed", () => {
    for (const p of patterns)
      for (const t of texts) expect(phraseSimilarity(phrasePattern(p), t, 0)).toBe(fuseSimilarity(p, t));
  });

  it("is exact when the needed similarity is reached and null only when it is not", () => {
    for (const p of patterns)
      for (const t of texts) {
        const exact = fuseSimilarity(p, t);
        for (const needed of [0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 1.2]) {
          const s = phraseSimilarity(phrasePattern(p), t, needed);
          if (exact >= needed) expect(s).toBe(exact);
          else if (s !== null) expect(s).toBe(exact);
        }
      }
  });

  it("treats a whole-text match as fuse.js does", () => {
    const long = "dang ky thuong tru cho con moi sinh o ha noi";
    expect(phraseSimilarity(phrasePattern(long), long, 0)).toBe(fuseSimilarity(long, long));
    const piece = "dang ky thuong tru cho con moi s";
    const text = `${piece}`;
    const pattern = `${piece} o ha noi`;
    expect(phraseSimilarity(phrasePattern(pattern), text, 0)).toBe(fuseSimilarity(pattern, text));
  });
});
