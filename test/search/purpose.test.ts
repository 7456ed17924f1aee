import { describe, expect, it } from "vitest";
import { tokenize } from "../../src/search/normalize.ts";
import { offTopicWords } from "../../src/search/off-topic.ts";
import { isPurpose } from "../../src/search/purpose.ts";
import { analyzeQuery } from "../../src/search/query.ts";

const purposeAt = (text: string) => {
  const tokens = tokenize(text);
  return tokens.flatMap((_, i) => (isPurpose(tokens, i) ? [i] : []));
};

describe("purpose clause", () => {
  it("reads 'để' and an unmarked 'de' before a verb as a purpose", () => {
    expect(purposeAt("tách thửa để cho con xây nhà")).toEqual([2]);
    expect(purposeAt("tach thua de cho con trai xay nha")).toEqual([2]);
    expect(purposeAt("xin lltp de di xuat khau lao dong")).toEqual([2]);
  });

  it("does not read đề nghị, để lại, đẻ con or a marked đề as a purpose", () => {
    expect(purposeAt("de nghi dieu chinh thong tin")).toEqual([]);
    expect(purposeAt("dat ong ba de lai chua co so")).toEqual([]);
    expect(purposeAt("vo moi de con")).toEqual([]);
    expect(purposeAt("đề án xây dựng")).toEqual([]);
  });

  it("skips an off-topic word of an unmarked purpose clause", () => {
    expect(offTopicWords(tokenize("ly lich tu phap de xin viec"))).toEqual([]);
    expect(offTopicWords(tokenize("cach xin viec lam"))).toEqual([["xin", "việc"]]);
  });

  it("skips an off-topic word of the story or anywhere in a purpose clause, not one of the ask", () => {
    const offTopic = (q: string) => {
      const a = analyzeQuery(q, new Set(), new Set());
      return offTopicWords(a.tokens, a.beside);
    };
    expect(
      offTopic(
        "em dang nop ho so xin viec, cong ty yeu cau ban sao bang tot nghiep. chung thuc ban sao o dau",
      ),
    ).toEqual([]);
    expect(offTopic("em muon xin ban sao giay khai sinh de nop ho so xin viec")).toEqual([]);
    expect(offTopic("em moi tot nghiep dai hoc. lam sao xin viec nhanh")).toEqual([["xin", "việc"]]);
  });
});
