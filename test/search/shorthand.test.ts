import { describe, expect, it } from "vitest";
import { tokenize } from "../../src/search/normalize.ts";
import { analyzeQuery } from "../../src/search/query.ts";
import { expandShorthand } from "../../src/search/shorthand.ts";

const written = (text: string) =>
  expandShorthand(tokenize(text))
    .map((t) => t.accented)
    .join(" ");

describe("chat shorthand", () => {
  it("writes out whole-token shorthand", () => {
    expect(written("đk kết hôn cần j")).toBe("đăng kí kết hôn cần gì");
    expect(written("lấy vk thì đk ntn")).toBe("lấy vợ thì đăng kí như thế nào");
    expect(written("mất cccd lm lại đc ko")).toBe("mất cccd làm lại được không");
  });

  it("leaves real words and ambiguous shorthand alone", () => {
    expect(written("thẻ bhyt bị hong")).toBe("thẻ bhyt bị hong");
    expect(written("kinh doanh")).toBe("kinh doanh");
    expect(written("v c a")).toBe("v c a");
  });

  it("lets the question frames and the vocabulary see the written-out words", () => {
    const a = analyzeQuery("lấy vk thì đk kết hôn ntn", new Set(), new Set());
    expect(a.content.map((t) => t.accented).join(" ")).toBe("lấy vợ đăng kí kết hôn");
    expect(a.expansions.length).toBeGreaterThan(0);
  });
});
