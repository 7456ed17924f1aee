/**
 * Learning from labelled citizen questions: the nearest questions' vote (examples.ts), and what it
 * changes in the search over the real catalogue (search.ts, rerank.ts).
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Catalogue } from "../../src/catalogue/catalogue.ts";
import { loadCatalogue } from "../../src/catalogue/load.ts";
import { DECISION_WEIGHTS } from "../../src/search/decision-weights.ts";
import { buildExampleIndex } from "../../src/search/examples.ts";
import { DEFAULT_RERANK_WEIGHTS } from "../../src/search/rerank.ts";
import { createSearch } from "../../src/search/search.ts";
import type { LabelledQuestion } from "../../src/search/searchable.ts";

describe("buildExampleIndex", () => {
  const questions: LabelledQuestion[] = [
    { q: "làm giấy khai sinh cho con mới sinh", codes: ["A"] },
    { q: "đăng ký khai sinh cho bé", codes: ["A", "A2"] },
    { q: "đăng ký kết hôn với người nước ngoài", codes: ["B"] },
    { q: "giá vàng hôm nay bao nhiêu", codes: [] },
    { q: "giá vàng miếng sjc mới nhất", codes: [] },
  ];
  const index = buildExampleIndex(questions);

  it("lets the nearest questions vote for their procedures", () => {
    const vote = index.vote("khai sinh cho con")!;
    expect(vote.shares.get("A")!).toBeGreaterThan(vote.shares.get("B") ?? 0);
    expect(vote.shares.get("A")!).toBeGreaterThan(vote.shares.get("A2") ?? 0);
    expect(vote.none).toBe(0);
  });

  it("votes for 'nothing fits' when the nearest questions were about nothing the catalogue has", () => {
    const vote = index.vote("giá vàng hôm nay")!;
    expect(vote.none).toBeGreaterThanOrEqual(0.6);
    expect(vote.nearness).toBeGreaterThan(0.4);
    expect(vote.shares.size).toBe(0);
  });

  it("weighs a neighbour by the words it shares: a near one outvotes a loose one", () => {
    const near = index.vote("làm giấy khai sinh cho con mới sinh")!;
    const loose = index.vote("khai sinh lại bản sao trích lục")!;
    expect(near.nearness).toBe(1);
    expect(loose.nearness).toBeLessThan(0.5);
    expect(near.shares.get("A")!).toBeGreaterThan(loose.shares.get("A")!);
  });

  it("has no vote without questions or without a shared word", () => {
    expect(buildExampleIndex([]).vote("khai sinh")).toBeNull();
    expect(index.vote("thời tiết ngày mai")).toBeNull();
    expect(index.size).toBe(5);
  });
});

describe("the search with labelled questions (real catalogue)", () => {
  let catalogue: Catalogue;
  beforeAll(async () => {
    catalogue = await loadCatalogue("procedures");
  }, 120_000);

  // Neither question below is in the catalogue's own labelled questions: the ones given here are
  // written for the test, so what changes is what they taught.
  const without = () => createSearch({ ...catalogue, questions: [] });

  it("ranks first the procedure a citizen's wording was labelled with", () => {
    const query = "hoan thue tncn";
    expect(without().search(query).candidates[0]?.code).not.toBe("2.002233");
    const taught = createSearch({
      ...catalogue,
      questions: [{ q: "em muon hoan thue thu nhap ca nhan vi bi khau tru thua", codes: ["2.002233"] }],
    });
    expect(taught.search(query).candidates[0]?.code).toBe("2.002233");
  });

  it("says nothing fits for a question worded like labelled out-of-scope ones", () => {
    const query =
      "chao ad, em mua hang online bi lua 2 trieu, shop chan em roi. em co doi lai tien duoc khong a?";
    expect(without().search(query).decision).not.toBe("none");
    const taught = createSearch({
      ...catalogue,
      questions: [
        { q: "bi lua mua hang tren mang mat tien", codes: [] },
        { q: "shop online lua dao khong giao hang, doi tien the nao", codes: [] },
        { q: "bi lua chuyen khoan mat tien lam sao lay lai", codes: [] },
      ],
    });
    expect(taught.search(query).decision).toBe("none");
  });

  it("asks the citizen to choose when the rules find nothing but near labelled questions agree", () => {
    const query = "bằng lái giấy bìa cũ đổi sang thẻ nhựa";
    expect(without().search(query).decision).toBe("none");
    const taught = [
      { q: "doi bang lai giay bia sang the pet", codes: ["3.000347"] },
      { q: "bằng lái bìa giấy cũ muốn đổi sang thẻ", codes: ["3.000347"] },
    ];
    const r = createSearch({ ...catalogue, questions: taught }).search(query);
    expect(r.decision).toBe("clarify");
    expect(r.candidates[0]?.code).toBe("3.000347");
    // Not when a near labelled question was about nothing the catalogue has.
    const doubt = [...taught, { q: "bằng lái giấy bìa cũ có bị phạt không", codes: [] }];
    expect(createSearch({ ...catalogue, questions: doubt }).search(query).decision).toBe("none");
  });

  it("asks also when the procedure the near questions agree on is shown but not first, and offers it first", () => {
    const query = "làm lại cà vẹt bị mất";
    expect(without().search(query).decision).toBe("none");
    const taught = [
      { q: "mat ca vet xe may lam lai o dau", codes: ["1.013080"] },
      { q: "cà vẹt xe bị mất, xin cấp lại", codes: ["1.013080"] },
    ];
    // With the vote weighed lightly it does not lead the ranking, so the question is asked and
    // the agreed procedure moved first.
    const light = { ...DEFAULT_RERANK_WEIGHTS, examples: 0.2 };
    const r = createSearch(
      { ...catalogue, questions: taught },
      { decisionModel: null, weights: light },
    ).explain(query);
    expect(r.result.decision).toBe("clarify");
    expect(r.result.candidates[0]?.code).toBe("1.013080");
    expect(r.weighed?.[0]).not.toBe("1.013080");
    // With the shipped weight the vote leads it on its own.
    const shipped = createSearch({ ...catalogue, questions: taught }, { decisionModel: null }).search(query);
    expect(shipped.candidates[0]?.code).toBe("1.013080");
  });

  it("adds a voted procedure the index did not reach, but never answers with it past the rules' clear best", () => {
    // One question labelled with an unrelated procedure, a twin of the citizen's, joins the list and
    // may lead it; the search then asks, with the procedure the question names among the choices:
    // a wrong label costs a choice, not a wrong answer.
    const taught = createSearch({
      ...catalogue,
      questions: [{ q: "khai sinh cho bé", codes: ["1.004222"] }],
    });
    const e = taught.explain("đăng ký khai sinh cho bé");
    expect(without().search("đăng ký khai sinh cho bé").answer).toBe("1.001193");
    expect(e.result.decision).toBe("clarify");
    expect(e.result.candidates.map((c) => c.code)).toEqual(expect.arrayContaining(["1.001193", "1.004222"]));
  });
});

describe("the learnt decision in the search (decision-model.ts)", () => {
  let catalogue: Catalogue;
  beforeAll(async () => {
    catalogue = await loadCatalogue("procedures");
  }, 60_000);

  const questions: LabelledQuestion[] = [
    { q: "làm giấy khai sinh cho con", codes: ["1.001193"] },
    { q: "giá vàng hôm nay bao nhiêu", codes: [] },
  ];

  it("turns down what the rules would show when the model finds it unlikely, and says why", () => {
    const strict = { ...DECISION_WEIGHTS, threshold: 1.01 };
    const search = createSearch({ ...catalogue, questions }, { decisionModel: strict });
    const query = "đăng ký khai sinh cho con ở quê ngoại";
    const e = search.explain(query);
    expect(e.coverage).toBeLessThan(1);
    expect(e.result.decision).toBe("none");
    expect(e.why).toBe("unlikely");
    expect(e.weighed?.[0]).toBe("1.001193");
    const rules = createSearch({ ...catalogue, questions }, { decisionModel: null });
    expect(rules.search(query).decision).not.toBe("none");
    // every word explained and the rules would answer: asked about, not turned down
    const named = search.explain("đăng ký khai sinh cho con");
    expect(named.coverage).toBe(1);
    expect(rules.search("đăng ký khai sinh cho con").decision).toBe("answer");
    expect(named.result.decision).toBe("clarify");
    expect(named.result.candidates[0]?.code).toBe("1.001193");
  }, 60_000);

  it("is not used without labelled questions: it was learnt with their vote", () => {
    const strict = { ...DECISION_WEIGHTS, threshold: 1.01 };
    const search = createSearch({ ...catalogue, questions: [] }, { decisionModel: strict });
    expect(search.search("đăng ký khai sinh cho con").decision).not.toBe("none");
  }, 60_000);
});
