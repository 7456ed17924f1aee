/** The learnt "nothing fits" decision (decision-model.ts) and the fitted weights it ships with. */
import { describe, expect, it } from "vitest";
import {
  checkModel,
  type DecisionModel,
  type DecisionSignals,
  decideWithModel,
  FEATURES,
  featuresOf,
  likelihood,
} from "../../src/search/decision-model.ts";
import { DECISION_WEIGHTS } from "../../src/search/decision-weights.ts";

const signals = (over: Partial<DecisionSignals> = {}): DecisionSignals => ({
  coverage: 0.9,
  specificity: 6,
  phrase: 1,
  vocabulary: 0,
  citizen: 1,
  top: 1.2,
  second: 0.5,
  topShare: 0.8,
  bestShare: 0.8,
  voteNone: 0,
  nearness: 0.7,
  offTopic: 0,
  votedNone: 0,
  unexplained: 0,
  fallback: 0,
  words: 4,
  story: 0,
  namesSomething: 1,
  aspect: 0,
  decision: "answer",
  ...over,
});

/** A model that looks at the vote for "nothing fits" only: likelihood high when it is 0, low when it is 1. */
function voteNoneModel(threshold: number): DecisionModel {
  const names = FEATURES.map(([name]) => name);
  return {
    features: names,
    mean: names.map(() => 0),
    spread: names.map(() => 1),
    weights: [...names.map((n) => (n === "vote none" ? -8 : 0)), 4],
    threshold,
    answerThreshold: threshold,
  };
}

describe("decideWithModel", () => {
  it("turns down a question the rules would show when the model finds it unlikely", () => {
    const model = voteNoneModel(0.5);
    expect(likelihood(model, signals({ voteNone: 1 }))).toBeLessThan(0.05);
    expect(decideWithModel(model, signals({ voteNone: 1 }))).toBe("none");
    expect(decideWithModel(model, signals({ voteNone: 1, decision: "clarify" }))).toBe("none");
  });

  it("asks instead of turning down a question the rules would answer and whose words are all explained", () => {
    const model = voteNoneModel(0.5);
    expect(decideWithModel(model, signals({ voteNone: 1, coverage: 1 }))).toBe("clarify");
    expect(decideWithModel(model, signals({ voteNone: 1, coverage: 1, decision: "clarify" }))).toBe("none");
    expect(decideWithModel(model, signals({ voteNone: 1, coverage: 0.99 }))).toBe("none");
  });

  it("keeps the rules' decision, answer or ask, when the model finds it likely", () => {
    const model = voteNoneModel(0.5);
    expect(decideWithModel(model, signals())).toBe("answer");
    expect(decideWithModel(model, signals({ decision: "clarify" }))).toBe("clarify");
  });

  it("asks instead of answering directly when the model is unsure, and never answers where the rules ask", () => {
    const unsure = { ...voteNoneModel(0.05), answerThreshold: 0.99 };
    // vote none 0.4: likelihood about 0.69, above the threshold but below the answer threshold
    expect(likelihood(unsure, signals({ voteNone: 0.4 }))).toBeGreaterThan(0.5);
    expect(decideWithModel(unsure, signals({ voteNone: 0.4 }))).toBe("clarify");
    expect(decideWithModel(unsure, signals({ voteNone: 0.4, decision: "clarify" }))).toBe("clarify");
    const sure = { ...voteNoneModel(0.05), answerThreshold: 0.5 };
    expect(decideWithModel(sure, signals({ voteNone: 0.4 }))).toBe("answer");
  });

  it("never shows what the rules turned down, and leaves the fuzzy fallback to its own rule", () => {
    const keepsAll = voteNoneModel(0);
    expect(decideWithModel(keepsAll, signals({ decision: "none" }))).toBe("none");
    const rejectsAll = voteNoneModel(1.01);
    expect(decideWithModel(rejectsAll, signals({ fallback: 1, decision: "clarify" }))).toBe("clarify");
    expect(decideWithModel(rejectsAll, signals({ decision: "clarify" }))).toBe("none");
  });
});

describe("the shipped weights (decision-weights.ts, written by npm run search:fit)", () => {
  it("were fitted for these features, and a model for other features is refused", () => {
    expect(checkModel(DECISION_WEIGHTS)).toBe(DECISION_WEIGHTS);
    expect(() => checkModel({ ...DECISION_WEIGHTS, features: DECISION_WEIGHTS.features.slice(1) })).toThrow(
      /search:fit/,
    );
    expect(DECISION_WEIGHTS.threshold).toBeGreaterThan(0);
    expect(DECISION_WEIGHTS.threshold).toBeLessThan(1);
  });

  it("find a question near labelled out-of-scope ones, with nothing explained, less likely than a well-explained one", () => {
    const plain = likelihood(DECISION_WEIGHTS, signals());
    const doubtful = likelihood(
      DECISION_WEIGHTS,
      signals({ coverage: 0.4, topShare: 0, bestShare: 0, voteNone: 1, nearness: 0.6, decision: "clarify" }),
    );
    expect(plain).toBeGreaterThan(DECISION_WEIGHTS.threshold);
    expect(doubtful).toBeLessThan(plain);
    expect(featuresOf(signals())).toHaveLength(FEATURES.length);
  });
});
