import { describe, expect, it } from "vitest";
import { decodeTelex, decodeVni, onlyToneKeys, repairToken } from "../../src/search/telex.ts";

const syllables = new Set([
  "dang",
  "ki",
  "thuong",
  "tru",
  "ket",
  "hon",
  "chung",
  "thuc",
  "cuoc",
  "can",
  "the",
]);

describe("Telex and VNI repair", () => {
  it("decodes Telex leftovers to the folded syllable", () => {
    expect(decodeTelex("ddawng")).toBe("dang");
    expect(decodeTelex("thuwowngf")).toBe("thuong");
    expect(decodeTelex("truss")).toBe("tru");
    expect(decodeTelex("cuwowcs")).toBe("cuoc");
  });

  it("decodes VNI digits", () => {
    expect(decodeVni("d9a8ng")).toBe("dang");
    expect(decodeVni("ke6t")).toBe("ket");
    expect(decodeVni("2024")).toBe("2024");
  });

  it("accepts a repair only when it lands on a known syllable", () => {
    expect(repairToken("kys", syllables)).toBe("ki");
    expect(repairToken("ddawng", syllables)).toBe("dang");
    expect(repairToken("ho6n", syllables)).toBe("hon");
    // Known words and abbreviations are left alone.
    expect(repairToken("dang", syllables)).toBe("dang");
    expect(repairToken("visa", syllables)).toBe("visa");
    expect(repairToken("cccd", syllables)).toBe("cccd");
  });
});

describe("onlyToneKeys", () => {
  it("tells a repair that only drops tone keys from sure Telex or VNI", () => {
    expect(onlyToneKeys("kys")).toBe(true);
    expect(onlyToneKeys("bus")).toBe(true);
    expect(onlyToneKeys("ddawng")).toBe(false);
    expect(onlyToneKeys("hooj")).toBe(false);
    expect(onlyToneKeys("ky1")).toBe(false);
  });
});
