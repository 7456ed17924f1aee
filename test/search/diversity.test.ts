import { describe, expect, it } from "vitest";
import { siblingKey, spreadTwins } from "../../src/search/diversity.ts";

const family = (s: string) => s.split("@")[0]!;

describe("spreadTwins", () => {
  it("moves a level twin out of the first places behind a different procedure", () => {
    expect(spreadTwins(["a@xa", "a@tinh", "b", "c"], family, 3)).toEqual(["a@xa", "b", "c", "a@tinh"]);
  });

  it("keeps the best candidate first and the order within each family", () => {
    expect(spreadTwins(["a@xa", "a@tinh", "a@tw", "b"], family, 3)).toEqual(["a@xa", "b", "a@tinh", "a@tw"]);
  });

  it("leaves lists without twins in the first places unchanged", () => {
    expect(spreadTwins(["a", "b", "c", "b@tinh"], family, 3)).toEqual(["a", "b", "c", "b@tinh"]);
  });

  it("keeps every item when there are fewer families than places", () => {
    expect(spreadTwins(["a@1", "a@2"], family, 3)).toEqual(["a@1", "a@2"]);
  });
});

describe("siblingKey", () => {
  it("groups names by their first four words", () => {
    expect(siblingKey("dang ky bien dong quyen su dung dat")).toBe(siblingKey("dang ky bien dong doi ten"));
    expect(siblingKey("dang ky bien dong dat")).not.toBe(siblingKey("dang ky khai sinh"));
  });

  it("lets siblings hold all but one of the first places", () => {
    const ranked = ["a x 1", "a x 2", "a x 3", "b"];
    expect(spreadTwins(ranked, (s) => s.split(" ").slice(0, 2).join(" "), 2)).toEqual([
      "a x 1",
      "b",
      "a x 2",
      "a x 3",
    ]);
  });
});
