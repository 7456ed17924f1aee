/** Fitting the learnt "nothing fits" decision in cross-validation by file (fit-decision.ts). */
import { beforeAll, describe, expect, it } from "vitest";
import type { Catalogue } from "../../src/catalogue/catalogue.ts";
import { loadCatalogue } from "../../src/catalogue/load.ts";
import type { DecisionSignals } from "../../src/search/decision-model.ts";
import { checkModel, decideWithModel } from "../../src/search/decision-model.ts";
import {
  collectSignals,
  errorsOf,
  fitDecision,
  type SignalRow,
  sourcesOf,
  steadiestLeast,
} from "../../src/search/fit-decision.ts";
import { searchCatalogue } from "../../src/search/searchable.ts";

const base: DecisionSignals = {
  coverage: 0.8,
  specificity: 5,
  phrase: 1,
  vocabulary: 0,
  citizen: 1,
  top: 1,
  second: 0.4,
  topShare: 0.5,
  bestShare: 0.5,
  voteNone: 0,
  nearness: 0.5,
  offTopic: 0,
  votedNone: 0,
  unexplained: 0,
  fallback: 0,
  words: 5,
  story: 0,
  namesSomething: 1,
  aspect: 0,
  decision: "clarify",
};

/**
 * Four files; in each, questions out of scope have a strong vote for "nothing fits" the rules did
 * not act on, and questions in scope none: the model should learn to turn the first down.
 */
function syntheticRows(): SignalRow[] {
  const rows: SignalRow[] = [];
  for (let f = 0; f < 4; f++) {
    for (let i = 0; i < 40; i++) {
      const inScope = i % 4 !== 0;
      const jitter = ((i * 7 + f) % 10) / 50;
      rows.push({
        source: `questions/f${f}.yaml`,
        inScope,
        topThree: inScope,
        topOne: inScope,
        signals: { ...base, voteNone: inScope ? jitter : 0.6 + jitter, coverage: 0.6 + jitter },
      });
    }
  }
  return rows;
}

describe("errorsOf", () => {
  it("counts questions in scope turned down with a right procedure in the first three, and out of scope let through", () => {
    const rows = syntheticRows().slice(0, 8);
    const e = errorsOf(rows, () => true);
    expect(e).toEqual({ inScope: 6, outOfScope: 2, lostTopThree: 0, letThrough: 2 });
    expect(errorsOf(rows, () => false)).toEqual({
      inScope: 6,
      outOfScope: 2,
      lostTopThree: 6,
      letThrough: 0,
    });
  });
});

describe("steadiestLeast", () => {
  it("picks the value whose neighbourhood costs least, not a lone dip", () => {
    const values = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7];
    // 0.2 is the least on its own, between two high costs; 0.5 sits in a low, flat stretch.
    expect(steadiestLeast(values, [90, 70, 95, 74, 72, 73, 95])).toBe(0.5);
    expect(steadiestLeast(values, [50, 60, 70, 80, 90, 100, 110])).toBe(0.1);
    expect(steadiestLeast([0.5], [3])).toBe(0.5);
  });
});

describe("fitDecision", () => {
  it("learns to turn down what the vote says is out of scope, with fewer errors than the rules in cross-validation", () => {
    const rows = syntheticRows();
    const fit = fitDecision(rows);
    expect(checkModel(fit.model)).toBe(fit.model);
    expect(fit.model.answerThreshold).toBeGreaterThanOrEqual(fit.model.threshold);
    expect(fit.rules.letThrough).toBe(40);
    expect(fit.crossValidated.letThrough).toBeLessThan(5);
    expect(fit.crossValidated.lostTopThree).toBeLessThan(5);
    expect(decideWithModel(fit.model, { ...base, voteNone: 0.8 })).toBe("none");
    expect(decideWithModel(fit.model, { ...base, voteNone: 0.05 })).toBe("clarify");
  });
});

describe("collectSignals", () => {
  let catalogue: Catalogue;
  beforeAll(async () => {
    catalogue = await loadCatalogue("procedures");
  }, 60_000);

  it("searches each labelled question with a search that has not learnt its file", () => {
    const questions = [
      { q: "xin giấy xác nhận tình trạng hôn nhân để đi đăng ký kết hôn", codes: ["1.004873"] },
      { q: "giấy xác nhận tình trạng hôn nhân", codes: ["1.004873"] },
      { q: "giá vàng hôm nay bao nhiêu", codes: [] },
    ];
    const sources = sourcesOf([
      { file: "a.yaml", items: 1 },
      { file: "b.yaml", items: 2 },
    ]);
    expect(sources).toEqual(["a.yaml", "b.yaml", "b.yaml"]);
    expect(() =>
      collectSignals(searchCatalogue(catalogue.procedures, questions), sources.slice(1)),
    ).toThrow();
    const rows = collectSignals(searchCatalogue(catalogue.procedures, questions), sources);
    expect(rows.map((r) => [r.source, r.inScope])).toEqual([
      ["a.yaml", true],
      ["b.yaml", true],
      ["b.yaml", false],
    ]);
    // The question of a.yaml was searched knowing b.yaml's two questions only: not itself.
    expect(rows[0]!.signals.nearness).toBeLessThan(1);
    expect(rows[0]!.topThree).toBe(true);
  }, 60_000);
});
