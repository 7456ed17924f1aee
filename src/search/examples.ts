/**
 * Learning from labelled citizen questions (`procedures/questions/`): the questions most like the
 * one asked vote for the procedures that answer them, or for "nothing fits" when the catalogue had
 * nothing for them.
 *
 * Rules read the catalogue's words; citizens write their own ("bố em mất rồi giờ làm giấy chứng
 * tử", "xe bị mất cà vẹt"). A question worded like one already labelled is most likely about the
 * same procedure, whatever words it shares with official names. Each question is analysed as a
 * search query is (Telex repair, stop phrases, story set apart, vocabulary expansion) and indexed
 * with BM25: the ask's words and pairs in full, the story's words at a fraction. The nearest
 * NEIGHBOURS questions vote, each in proportion to its similarity to the nearest one; a vote is a
 * share (0..1) of all votes. The re-ranker adds a procedure's share to its score (rerank.ts); a
 * large enough share for "nothing fits" makes the search say so (search.ts).
 */
import { Bm25Index, type FieldQuery } from "./bm25.ts";
import type { QueryAnalysis } from "./query.ts";
import type { LabelledQuestion } from "./searchable.ts";
import { bigramText } from "./token-index.ts";

/** How many of the nearest labelled questions vote. */
export const NEIGHBOURS = 5;
/** Weight of the story's words against the ask's (the story tells why, the ask what). */
const STORY_WEIGHT = 0.3;
/** Words this long may differ by one edit (typos); shorter ones must match exactly. */
const FUZZY_FROM = 5;
const FIELDS = { ask: 0, pairs: 1, story: 2 } as const;

export interface ExampleVote {
  /** Each voted procedure's share of the votes (0..1). */
  readonly shares: ReadonlyMap<string, number>;
  /** The share of the votes for "nothing fits". */
  readonly none: number;
  readonly nearness: number;
}

export interface ExampleIndex {
  /** How many labelled questions it holds. */
  readonly size: number;
  /** The vote of the questions nearest to an analysed query; null when none is near at all. */
  vote(analysis: QueryAnalysis): ExampleVote | null;
}

interface Words {
  /** The ask's words with the vocabulary's expansions. */
  readonly ask: string[];
  /** Neighbouring pairs of the ask's words. */
  readonly pairs: string[];
  readonly story: string[];
}

function wordsOf(a: QueryAnalysis): Words {
  const ask: string[] = [];
  const story: string[] = [];
  a.content.forEach((t, i) => {
    if (t.folded !== "") (a.story.has(i) ? story : ask).push(t.folded);
  });
  const pairs = bigramText(ask.join(" "));
  for (const e of a.expansions) for (const t of e.tokens) if (t.folded !== "") ask.push(t.folded);
  return { ask, pairs: pairs === "" ? [] : pairs.split(" "), story };
}

/** Dice similarity of two word sets (0..1). */
function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size + b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return (2 * shared) / (a.size + b.size);
}

const fuzzy = (term: string) => (term.length >= FUZZY_FROM ? 1 : false);

export function buildExampleIndex(
  questions: readonly LabelledQuestion[],
  analyze: (question: string) => QueryAnalysis,
): ExampleIndex {
  const labels = questions.map((q) => q.codes);
  const wordSets: ReadonlySet<string>[] = [];
  const documents = questions.map((q) => {
    const w = wordsOf(analyze(q.q));
    wordSets.push(new Set([...w.ask, ...w.story]));
    return [w.ask.join(" "), w.pairs.join(" "), w.story.join(" ")];
  });
  const index = new Bm25Index(documents, {
    boosts: [1, 1, STORY_WEIGHT],
    weights: { fuzzy: 0.45, prefix: 0.3 },
  });
  const documentBoost = new Float64Array(questions.length).fill(1);
  return {
    size: questions.length,
    vote(analysis) {
      if (questions.length === 0) return null;
      const w = wordsOf(analysis);
      const queries: FieldQuery[] = [
        { field: FIELDS.ask, terms: w.ask, fuzzy },
        { field: FIELDS.pairs, terms: w.pairs },
        { field: FIELDS.ask, terms: w.story, boostTerm: () => STORY_WEIGHT },
        { field: FIELDS.story, terms: [...w.ask, ...w.story] },
      ];
      const { docs, scores } = index.search(queries, documentBoost);
      const nearest = scores[0] ?? 0;
      if (nearest <= 0) return null;
      const votes = new Map<string, number>();
      const asked = new Set([...w.ask, ...w.story]);
      let none = 0;
      let total = 0;
      let strength = 0;
      for (let i = 0; i < Math.min(NEIGHBOURS, docs.length); i++) {
        const similar = dice(asked, wordSets[docs[i]!]!);
        strength = Math.max(strength, similar);
        const weight = (scores[i]! / nearest) * similar;
        const codes = labels[docs[i]!]!;
        total += weight * Math.max(1, codes.length);
        if (codes.length === 0) none += weight;
        for (const code of codes) votes.set(code, (votes.get(code) ?? 0) + weight);
      }
      const shares = new Map<string, number>();
      if (total <= 0) return null;
      // Neighbours sharing few words with the question vote less (a square root: half the words
      // shared still counts for 70 %).
      const scale = Math.sqrt(strength);
      for (const [code, v] of votes) shares.set(code, (scale * v) / total);
      return { shares, none: none / total, nearness: strength };
    },
  };
}
