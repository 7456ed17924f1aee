/**
 * Learning from labelled citizen questions (`procedures/questions/`): the questions most like the
 * one asked vote for the procedures that answer them, or for "nothing fits" when the catalogue had
 * nothing for them.
 *
 * Rules read the catalogue's words; citizens write their own ("bố em mất rồi giờ làm giấy chứng
 * tử", "xe bị mất cà vẹt"). A question worded like one already labelled is most likely about the
 * same procedure, whatever words it shares with official names. Each question is reduced to its
 * folded words without greetings and question frames (stop-phrases.ts) and indexed with BM25, words
 * and neighbouring pairs; rare words weigh most, so the story's common words matter little. (The
 * search's full analysis, with the story set apart and the vocabulary's expansions, did no better
 * in cross-validation over the labelled files and costs 30 times as much: about 0.9 s more to build
 * the search over 2,800 questions.) The nearest NEIGHBOURS questions vote, each in proportion to
 * its BM25 score against the nearest one's and to the words it shares with the question (Dice); a
 * procedure's share (0..1) is the part of that weight whose labels name it. The re-ranker adds a
 * procedure's share to its score (rerank.ts); a large enough share for "nothing fits" makes the
 * search say so (search.ts).
 */
import { Bm25Index, type FieldQuery } from "./bm25.ts";
import { vocabularyPhrases } from "./expand.ts";
import { MAX_QUERY_TOKENS, sanitizeQuery, tokenize } from "./normalize.ts";
import type { LabelledQuestion } from "./searchable.ts";
import { stopPhrasePositions } from "./stop-phrases.ts";
import { bigramText } from "./token-index.ts";

/** How many of the nearest labelled questions vote. */
export const NEIGHBOURS = 5;
/** Words this long may differ by one edit (typos); shorter ones must match exactly. */
const FUZZY_FROM = 5;
const FIELDS = { words: 0, pairs: 1 } as const;

export interface ExampleVote {
  /** Each voted procedure's share of the votes (0..1): of the neighbours' weight, how much names it. */
  readonly shares: ReadonlyMap<string, number>;
  /** The share of the votes for "nothing fits". */
  readonly none: number;
  /** The words the nearest voter shares with the question (Dice, 0..1): how near the vote is. */
  readonly nearness: number;
}

export interface ExampleIndex {
  /** How many labelled questions it holds. */
  readonly size: number;
  /** The vote of the questions nearest to a question; null when none shares a word with it. */
  vote(question: string): ExampleVote | null;
}

interface Words {
  /** Folded words, greetings and question frames left out. */
  readonly words: string[];
  /** Neighbouring pairs of those words. */
  readonly pairs: string[];
}

function wordsOf(text: string): Words {
  const tokens = tokenize(sanitizeQuery(text), MAX_QUERY_TOKENS);
  const framing = stopPhrasePositions(tokens, vocabularyPhrases());
  const words = tokens.flatMap((t, i) => (framing.has(i) || t.folded === "" ? [] : [t.folded]));
  const pairs = bigramText(words.join(" "));
  return { words, pairs: pairs === "" ? [] : pairs.split(" ") };
}

/** Dice similarity of two word sets (0..1). */
function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size + b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return (2 * shared) / (a.size + b.size);
}

const fuzzy = (term: string) => (term.length >= FUZZY_FROM ? 1 : false);

export function buildExampleIndex(questions: readonly LabelledQuestion[]): ExampleIndex {
  const labels = questions.map((q) => q.codes);
  const wordSets: ReadonlySet<string>[] = [];
  const documents = questions.map((q) => {
    const w = wordsOf(q.q);
    wordSets.push(new Set(w.words));
    return [w.words.join(" "), w.pairs.join(" ")];
  });
  const index = new Bm25Index(documents, {
    boosts: [1, 1],
    exact: [false, true],
    weights: { fuzzy: 0.45, prefix: 0.3 },
  });
  const documentBoost = new Float64Array(questions.length).fill(1);
  return {
    size: questions.length,
    vote(question) {
      if (questions.length === 0) return null;
      const w = wordsOf(question);
      const queries: FieldQuery[] = [
        { field: FIELDS.words, terms: w.words, fuzzy },
        { field: FIELDS.pairs, terms: w.pairs },
      ];
      const { docs, scores } = index.search(queries, documentBoost);
      const nearest = scores[0] ?? 0;
      if (nearest <= 0) return null;
      const votes = new Map<string, number>();
      const asked = new Set(w.words);
      let none = 0;
      let total = 0;
      let strength = 0;
      for (let i = 0; i < Math.min(NEIGHBOURS, docs.length); i++) {
        const similar = dice(asked, wordSets[docs[i]!]!);
        strength = Math.max(strength, similar);
        const weight = (scores[i]! / nearest) * similar;
        const codes = labels[docs[i]!]!;
        // A question labelled with several codes (level twins) gives each its whole weight: twins
        // are one answer, and a procedure recorded at three levels must not get a third of a vote.
        total += weight;
        if (codes.length === 0) none += weight;
        for (const code of codes) votes.set(code, (votes.get(code) ?? 0) + weight);
      }
      if (total <= 0) return null;
      const shares = new Map<string, number>();
      // Neighbours sharing few words with the question vote less (a square root: half the words
      // shared still counts for 70 %).
      const scale = Math.sqrt(strength);
      for (const [code, v] of votes) shares.set(code, (scale * v) / total);
      return { shares, none: none / total, nearness: strength };
    },
  };
}
