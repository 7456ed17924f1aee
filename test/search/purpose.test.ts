import { describe, expect, it } from "vitest";
import { tokenize } from "../../src/search/normalize.ts";
import { offTopicWords } from "../../src/search/off-topic.ts";
import { isPurpose } from "../../src/search/purpose.ts";

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
});
