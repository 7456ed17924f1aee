/**
 * Re-ranks the index's top candidates with fuse.js (phrase-level fuzzy similarity of the query to
 * each candidate's name and aliases), fuses it with the BM25 score, then applies the sibling cues
 * and the accent check.
 */
import Fuse from "fuse.js";
import { type CueWeights, cueFactor, DEFAULT_CUE_WEIGHTS, type Variant } from "./cues.ts";
import { hasMarks, type Token } from "./normalize.ts";
import type { IndexedProcedure } from "./token-index.ts";

export interface Candidate {
  readonly doc: IndexedProcedure;
  /** BM25 score from the index (priors included). */
  readonly bm25: number;
  /** Query terms the index matched in this document. */
  readonly matchedTerms: readonly string[];
}

export interface RankedCandidate extends Candidate {
  /** 0..1, 1 = the phrase matches the name exactly. */
  readonly fuseSimilarity: number;
  readonly score: number;
}

export interface RerankWeights {
  readonly bm25: number;
  readonly fuse: number;
  /** Weight of how much of the candidate's own name (or best alias) the question explains. */
  readonly name: number;
  /** Weight of the share of the question's syllable pairs found in the candidate's name. */
  readonly pairs: number;
  readonly cues: CueWeights;
  /** Lowest multiplier for a query whose marked words all appear in another accented form. */
  readonly accentFloor: number;
}

export const DEFAULT_RERANK_WEIGHTS: RerankWeights = {
  bm25: 0.45,
  fuse: 0.25,
  name: 0.25,
  pairs: 0.1,
  cues: DEFAULT_CUE_WEIGHTS,
  accentFloor: 0.85,
};

const FUSE_OPTIONS = { ignoreLocation: true, threshold: 0.6, includeScore: true };

/**
 * Accent check: among the query's marked tokens whose folded form the candidate contains, the
 * share that the candidate also contains with the same marks (thuế ≠ thuê, sổ ≠ số).
 */
export function accentAgreement(tokens: readonly Token[], doc: IndexedProcedure): number | null {
  let same = 0;
  let differ = 0;
  for (const t of tokens) {
    if (!hasMarks(t) || !doc.folded.has(t.folded)) continue;
    if (doc.accented.has(t.accented)) same++;
    else differ++;
  }
  return same + differ === 0 ? null : same / (same + differ);
}

/** IDF-weighted share of a folded text's words that the question (with expansions) contains. */
export function explainedShare(
  text: string,
  queryTerms: ReadonlySet<string>,
  idf: (t: string) => number,
): number {
  let total = 0;
  let found = 0;
  for (const t of text.split(" ")) {
    if (t === "") continue;
    const w = idf(t);
    total += w;
    if (queryTerms.has(t)) found += w;
  }
  return total > 0 ? found / total : 0;
}

export interface RerankContext {
  /** Fuse patterns: the typed words and the same with vocabulary terms rewritten. */
  readonly phrases: readonly string[];
  /** All query tokens (for the accent check). */
  readonly tokens: readonly Token[];
  /** Folded query terms, with expansions. */
  readonly terms: ReadonlySet<string>;
  readonly cues: ReadonlySet<Variant>;
  readonly idf: (term: string) => number;
  /** The question's neighbouring syllable pairs and their rarity. */
  readonly pairs: readonly string[];
  readonly pairIdf: (pair: string) => number;
}

export function rerank(
  candidates: readonly Candidate[],
  ctx: RerankContext,
  w: RerankWeights = DEFAULT_RERANK_WEIGHTS,
): RankedCandidate[] {
  const { phrases, tokens, cues } = ctx;
  if (candidates.length === 0) return [];
  const top = Math.max(...candidates.map((c) => c.bm25));
  // Phrase-level fuzzy similarity (fuse.js Bitap, location ignored) of each pattern to the
  // candidate's core name and aliases; the best pattern counts.
  const similarity = candidates.map((c) => {
    let best = 0;
    for (const p of phrases) {
      if (p.trim() === "") continue;
      const m = Fuse.match(p, c.doc.fuseText, FUSE_OPTIONS);
      if (m.isMatch) best = Math.max(best, 1 - (m.score ?? 1));
    }
    return best;
  });
  const ranked = candidates.map((c, i) => {
    const fuseSimilarity = similarity[i]!;
    const nameShare = Math.max(
      explainedShare(c.doc.familyKey, ctx.terms, ctx.idf),
      ...c.doc.aliases.map((a) => explainedShare(a, ctx.terms, ctx.idf)),
    );
    let pairTotal = 0;
    let pairFound = 0;
    for (const p of ctx.pairs) {
      const weight = ctx.pairIdf(p);
      pairTotal += weight;
      if (c.doc.namePairs.has(p)) pairFound += weight;
    }
    const pairShare = pairTotal > 0 ? pairFound / pairTotal : 0;
    const base =
      w.bm25 * (top > 0 ? c.bm25 / top : 0) +
      w.fuse * fuseSimilarity +
      w.name * nameShare +
      w.pairs * pairShare;
    const agreement = accentAgreement(tokens, c.doc);
    const accent = agreement === null ? 1 : w.accentFloor + (1 - w.accentFloor) * agreement;
    const score = base * cueFactor(cues, c.doc.variants, w.cues) * accent;
    return { ...c, fuseSimilarity, score };
  });
  return ranked.sort((a, b) => b.score - a.score || a.doc.id - b.doc.id);
}
