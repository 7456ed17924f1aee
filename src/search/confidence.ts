/**
 * Decides, for a ranked list, whether to answer directly, to ask the citizen to choose among a few
 * candidates (close scores or sibling variants), or to say nothing fits. Out-of-scope questions
 * ("giá vàng hôm nay") must get "none": the main signal is how much of the question's meaningful
 * words (weighted by rarity) the best candidate explains.
 */
export type Decision = "answer" | "clarify" | "none";

export interface ConfidenceInput {
  /** IDF-weighted share (0..1) of the question's meaningful words the best candidate explains. */
  readonly coverage: number;
  /** The highest IDF among the words the best candidate matched (0 when none). */
  readonly specificity: number;
  /** Phrase evidence (see coverage.ts): 0 when only scattered single words match. */
  readonly phrase: number;
  /** Whether a citizen term of the question (vocabulary.ts) is explained by the best candidate. */
  readonly vocabulary?: boolean;
  /** Whether the best candidate is a procedure citizens carry out (not only businesses or agencies). */
  readonly citizen: boolean;
  /** Score of the best candidate. */
  readonly top: number;
  /** Score of the best candidate that is not a level twin of the top one (0 when none). */
  readonly second: number;
}

export interface ConfidenceThresholds {
  /** Below this coverage: nothing fits. */
  readonly minCoverage: number;
  /** Below this coverage (and above minCoverage): ask. */
  readonly answerCoverage: number;
  /** A match made only of words more common than this IDF explains nothing. */
  readonly minSpecificity: number;
  /** second/top at or above this: ask. */
  readonly closeRatio: number;
  /** Below this phrase evidence: nothing fits. */
  readonly minPhrase: number;
  /** A partial match (coverage below answerCoverage) needs phrase evidence this rare, else nothing fits. */
  readonly partialPhrase: number;
  /**
   * A partial match explained by a citizen term ("cccd", "đkkh") instead of a rare phrase is worth
   * a question from this coverage on: the term is domain language, but half the question may be
   * an accident of shared words, so more of it must be explained than for a rare phrase.
   */
  readonly vocabularyCoverage: number;
}

export const DEFAULT_THRESHOLDS: ConfidenceThresholds = {
  minCoverage: 0.45,
  answerCoverage: 0.75,
  minSpecificity: 2.2,
  closeRatio: 0.9,
  minPhrase: 0.5,
  partialPhrase: 5,
  vocabularyCoverage: 0.55,
};

export function decide(input: ConfidenceInput, t: ConfidenceThresholds = DEFAULT_THRESHOLDS): Decision {
  if (input.top <= 0 || input.coverage < t.minCoverage || input.specificity < t.minSpecificity) return "none";
  if (input.phrase < t.minPhrase) return "none";
  // A partial match is worth a question only with a rare phrase, and only for a procedure citizens
  // carry out: a half-matching business licence is an accident of shared words.
  if (input.coverage < t.answerCoverage)
    return input.citizen &&
      (input.phrase >= t.partialPhrase ||
        (input.vocabulary === true && input.coverage >= t.vocabularyCoverage))
      ? "clarify"
      : "none";
  if (input.second > 0 && input.second / input.top >= t.closeRatio) return "clarify";
  return "answer";
}
