import { describe, expect, it } from "vitest";
import {
  circumstancePositions,
  clauseNumbers,
  followUpClauses,
  splitSegments,
  storyPositions,
} from "../../src/search/clauses.ts";
import { tokenize } from "../../src/search/normalize.ts";

describe("splitSegments", () => {
  it("splits at clause punctuation but not inside a procedure code", () => {
    expect(splitSegments("bố em mất rồi, giờ khai tử ở đâu ạ?")).toEqual([
      "bố em mất rồi",
      " giờ khai tử ở đâu ạ",
    ]);
    expect(splitSegments("thủ tục 1.000656 cần gì")).toEqual(["thủ tục 1.000656 cần gì"]);
  });
});

describe("clauseNumbers", () => {
  it("opens a clause with each segment and at a marked connector", () => {
    const tokens = tokenize("em sắp đi làm xa thì khai báo tạm vắng");
    expect(
      clauseNumbers(
        tokens,
        tokens.map(() => 0),
      ),
    ).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
  });

  it("leaves an unmarked 'thi' (the exam) inside its clause", () => {
    const tokens = tokenize("hoc lai xe thi bang lai");
    expect(
      new Set(
        clauseNumbers(
          tokens,
          tokens.map(() => 0),
        ),
      ),
    ).toEqual(new Set([0]));
  });
});

describe("storyPositions", () => {
  const naming = (words: string[]) => (p: number) => words[p] !== "_";

  it("marks the clauses before the last clause that names something", () => {
    // story: "đi học trọ" (clause 0); ask: "đăng ký tạm trú" (clause 1); frame: clause 2
    const words = ["đi", "học", "trọ", "đăng", "ký", "tạm", "trú", "_"];
    const clauses = [0, 0, 0, 1, 1, 1, 1, 2];
    expect([...storyPositions(clauses, naming(words))]).toEqual([0, 1, 2]);
  });

  it("takes a thin last clause for no ask ('…ghi sai tên, giờ sửa lại'): nothing is story", () => {
    const words = ["giấy", "khai", "sinh", "sai", "sửa", "_"];
    expect(storyPositions([0, 0, 0, 0, 1, 1], naming(words)).size).toBe(0);
  });

  it("finds no story in a one-clause question", () => {
    expect(storyPositions([0, 0, 0], naming(["đăng", "ký", "kết"])).size).toBe(0);
  });
});

describe("circumstancePositions", () => {
  it("marks a circumstance from 'khi' to the end of its clause", () => {
    const tokens = tokenize("xoá thế chấp khi trả hết nợ thì làm ở đâu");
    const clauses = clauseNumbers(
      tokens,
      tokens.map(() => 0),
    );
    expect([...circumstancePositions(tokens, clauses)]).toEqual([3, 4, 5, 6]);
  });

  it("marks nothing without a circumstance word", () => {
    const tokens = tokenize("đăng ký tạm trú cho sinh viên");
    expect(
      circumstancePositions(
        tokens,
        tokens.map(() => 0),
      ).size,
    ).toBe(0);
  });
});

describe("followUpClauses", () => {
  const clausesOf = (text: string) => {
    const segments = splitSegments(text).map((s) => tokenize(s));
    const tokens = segments.flat();
    const segmentOf = segments.flatMap((s, k) => s.map(() => k));
    return followUpClauses(tokens, clauseNumbers(tokens, segmentOf));
  };

  it("finds a follow-up question after the ask ('có phải về quê không', 'còn phí bao nhiêu')", () => {
    expect([...clausesOf("cho em hoi cap lai cccd o dau, co phai ve que khong")]).toEqual([1]);
    expect([...clausesOf("lam giay khai sinh cho be o dau a? con phi bao nhieu?")]).toEqual([1]);
    expect([...clausesOf("em muon cap lai so do. lam o dau? mat bao lau a?")]).toEqual([1, 2]);
  });

  it("never takes the first clause, nor a clause that opens with an act, for a follow-up", () => {
    expect(clausesOf("co phai dang ky tam tru khong").size).toBe(0);
    expect(clausesOf("em moi mua xe, dang ky xe o dau").size).toBe(0);
  });
});
