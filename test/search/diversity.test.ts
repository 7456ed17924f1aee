import { describe, expect, it } from "vitest";
import { spreadTwins } from "../../src/search/diversity.ts";

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
