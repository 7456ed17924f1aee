import { describe, expect, it } from "vitest";
import { analyzeQuery } from "../../src/search/query.ts";

describe("query analysis", () => {
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
});
