import { describe, expect, it } from "vitest";
import { tokenize } from "../../src/search/normalize.ts";
import { senseExpansions } from "../../src/search/sense.ts";

const senses = (text: string) =>
  senseExpansions(tokenize(text)).map((e) => e.tokens.map((t) => t.accented).join(" "));

describe("word senses from neighbours", () => {
  it("reads mất after a person as died", () => {
    expect(senses("bà cụ mới mất")).toEqual(["đăng kí khai tử"]);
    expect(senses("bố mất rồi")).toEqual(["đăng kí khai tử"]);
  });

  it("reads an unmarked 'chong mat' beside a symptom or 'hay'/'bị' as dizzy, not a husband who died", () => {
    const died = (text: string) => senseExpansions(tokenize(text)).length > 0;
    expect(died("me em hay chong mat buon non")).toBe(false);
    expect(died("dau dau chong mat")).toBe(false);
    expect(died("bi chong mat hoa mat")).toBe(false);
    expect(died("chong mat thang truoc, lam khai tu o dau")).toBe(true);
    expect(died("chồng mất tháng trước")).toBe(true);
  });

  it("reads mất before a paper, or with no person, as lost", () => {
    expect(senses("mẹ mất giấy khai sinh")).toEqual([]);
    expect(senses("mất căn cước")).toEqual([]);
    expect(senses("làm lại hộ chiếu bị mất")).toEqual([]);
  });
});
