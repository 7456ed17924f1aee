/**
 * The learnt "nothing fits" decision. The rules (confidence.ts, off-topic.ts, coverage.ts) and the
 * labelled questions' vote (examples.ts) each give evidence on whether a question is about a
 * procedure at all; each rule alone is a hard cut. A logistic model over all of that evidence,
 * fitted on the labelled questions in cross-validation (`npm run search:fit`, fit-cli.ts), weighs
 * them together. It never shows more than the rules would: when they would show candidates but the
 * model gives less than `threshold`, the search says nothing fits (or asks, when the question's
 * words are all explained and the rules would answer: FULL_COVERAGE below). It never overrules a
 * rule that turned a question down (the labelled questions out of scope are chosen to be hard, near
 * real procedures; the rules also know what they have not seen, "giá vàng hôm nay"). Nor does it
 * ever answer where the rules ask; but where the rules would answer directly and the model gives
 * less than `answerThreshold`, the citizen is asked to choose instead: no confident answer when
 * unsure.
 */
import type { Decision } from "./confidence.ts";
import { type LogisticFit, predict } from "./logistic.ts";

/** What the search knows when it decides (search.ts computes it for every question it found candidates for). */
export interface DecisionSignals {
  /** IDF-weighted share of the question's words the best candidate explains (coverage.ts). */
  readonly coverage: number;
  /** The highest IDF among the words the best candidate matched. */
  readonly specificity: number;
  /** Phrase evidence (coverage.ts). */
  readonly phrase: number;
  /** 1 when a citizen term of the question is explained by the best candidate, else 0. */
  readonly vocabulary: number;
  /** 1 when the best candidate is a procedure citizens carry out. */
  readonly citizen: number;
  /** Re-rank score of the best candidate, and of the best of another family. */
  readonly top: number;
  readonly second: number;
  /** The vote's share for the best candidate, the largest share of any procedure, and for "nothing fits". */
  readonly topShare: number;
  readonly bestShare: number;
  readonly voteNone: number;
  /** Words the nearest labelled question shares with the question (Dice). */
  readonly nearness: number;
  /** 1 when the rule fired: off-topic words, vote for nothing, an ask no candidate explains. */
  readonly offTopic: number;
  readonly votedNone: number;
  readonly unexplained: number;
  /** 1 when only the fuzzy fallback found candidates. */
  readonly fallback: number;
  /** Meaningful words of the question, those in its story, whether it names a procedure, an aspect. */
  readonly words: number;
  readonly story: number;
  readonly namesSomething: number;
  readonly aspect: number;
  /** What the rules and the vote decided on their own. */
  readonly decision: Decision;
}

/** The model's inputs, in order: each is a number computed from the signals. */
export const FEATURES: readonly [string, (s: DecisionSignals) => number][] = [
  ["coverage", (s) => s.coverage],
  ["specificity", (s) => s.specificity],
  ["phrase", (s) => s.phrase],
  ["vocabulary", (s) => s.vocabulary],
  ["citizen", (s) => s.citizen],
  ["log top", (s) => Math.log(Math.max(s.top, 1e-3))],
  ["second / top", (s) => (s.top > 0 ? s.second / s.top : 0)],
  ["top share", (s) => s.topShare],
  ["best share", (s) => s.bestShare],
  ["vote none", (s) => s.voteNone],
  ["nearness", (s) => s.nearness],
  ["off topic", (s) => s.offTopic],
  ["voted none", (s) => s.votedNone],
  ["unexplained", (s) => s.unexplained],
  ["fallback", (s) => s.fallback],
  ["words", (s) => Math.min(s.words, 20)],
  ["story", (s) => s.story],
  ["names something", (s) => s.namesSomething],
  ["aspect", (s) => s.aspect],
  ["rules answer", (s) => Number(s.decision === "answer")],
  ["rules ask", (s) => Number(s.decision === "clarify")],
  ["nearness × vote none", (s) => s.nearness * s.voteNone],
  ["coverage × top share", (s) => s.coverage * s.topShare],
];

export interface DecisionModel extends LogisticFit {
  /** The FEATURES names the weights were fitted for, in order. */
  readonly features: readonly string[];
  /** Candidates the rules would show are shown only when the model gives at least this. */
  readonly threshold: number;
  /** A direct answer of the rules stands only when the model gives at least this; else the citizen is asked. */
  readonly answerThreshold: number;
}

export const featuresOf = (s: DecisionSignals): number[] => FEATURES.map(([, f]) => f(s));

/** Throws when a model was fitted for other features than these (refit it: `npm run search:fit`). */
export function checkModel(model: DecisionModel): DecisionModel {
  const names = FEATURES.map(([name]) => name);
  const fits =
    model.features.length === names.length &&
    model.features.every((f, i) => f === names[i]) &&
    model.mean.length === names.length &&
    model.spread.length === names.length &&
    model.weights.length === names.length + 1;
  if (!fits) throw new Error("the decision model was fitted for other features: run `npm run search:fit`");
  return model;
}

/** The probability that the question is about a procedure the candidates hold. */
export function likelihood(model: DecisionModel, s: DecisionSignals): number {
  return predict(model, featuresOf(s));
}

/** Whether the model weighs a question: one the rules would show candidates for, found by the index (the fuzzy fallback has its own rule). */
export const weighs = (s: DecisionSignals): boolean => s.decision !== "none" && s.fallback === 0;

/**
 * A question whose every meaningful word the best candidate explains, and which the rules would
 * answer, is asked about rather than turned down when the model finds it unlikely: its words name a
 * procedure ("mua đất giấy tay" is a curated alias), and labelled questions that share them but ask
 * about something else ("có nên mua đất giấy tay không") make the model doubt, not the words. In
 * cross-validation (7,291 questions) this kept 6 more questions in scope with a right procedure in
 * the first three and let 9 more out of scope through, at the same threshold.
 */
const FULL_COVERAGE = 1;

/**
 * The final decision given the model's likelihood `p` for a question it weighs: the rules' own,
 * unless `p` is below the threshold (nothing fits; ask, for a direct answer the question's words
 * fully explain) or, for a direct answer, below the answer threshold (ask instead). The fit calls
 * it with cross-validated likelihoods and trial thresholds.
 */
export function decideAt(
  s: DecisionSignals,
  p: number,
  t: Pick<DecisionModel, "threshold" | "answerThreshold">,
): Decision {
  if (!weighs(s)) return s.decision;
  if (p < t.threshold) return s.decision === "answer" && s.coverage >= FULL_COVERAGE ? "clarify" : "none";
  return s.decision === "answer" && p < t.answerThreshold ? "clarify" : s.decision;
}

/** The final decision: the rules' own, unless the model turns the question down or makes it a question. */
export function decideWithModel(model: DecisionModel, s: DecisionSignals): Decision {
  return weighs(s) ? decideAt(s, likelihood(model, s), model) : s.decision;
}
