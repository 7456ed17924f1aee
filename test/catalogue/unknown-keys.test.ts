import { describe, expect, it } from "vitest";
import { curatedOverlay } from "../../src/catalogue/schema.ts";
import { unknownKeyPaths } from "../../src/catalogue/unknown-keys.ts";

describe("unknownKeyPaths", () => {
  it("finds keys zod stripped, at any depth, with their paths", () => {
    const input = {
      code: "1.001193",
      alias: ["khai sinh"],
      review: { reviewedBy: "a", reviewedOn: "2026-11-01", reviewer: "typo" },
      channels: [{ kind: "truc_tiep", time: { kind: "unknown" }, fees: [{ kind: "free", amout: 1 }] }],
    };
    const parsed = curatedOverlay.parse(input);
    expect(unknownKeyPaths(input, parsed)).toEqual([
      ["alias"],
      ["review", "reviewer"],
      ["channels", 0, "fees", 0, "amout"],
    ]);
  });

  it("finds nothing when every key is known, defaults added by zod included", () => {
    const input = { code: "1.001193" };
    expect(unknownKeyPaths(input, curatedOverlay.parse(input))).toEqual([]);
  });

  it("ignores keys whose value is undefined", () => {
    expect(unknownKeyPaths({ a: 1, b: undefined }, { a: 1 })).toEqual([]);
  });
});
