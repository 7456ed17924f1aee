/**
 * The search the conversation core calls: `createSearch(catalogue).search(query)`.
 *
 * Pipeline: exact national code first; otherwise sanitise and cap the message, tokenize (accented
 * + folded), repair Telex/VNI, detect the aspect and sibling cues, drop stop phrases, expand with
 * the citizen vocabulary, query the BM25 index (fuzzy by length, bigrams, priors), re-rank the top
 * candidates with fuse.js, keep repealed procedures below their replacements, and decide.
 */
import Fuse from "fuse.js";
import {
  type ConfidenceInput,
  type ConfidenceThresholds,
  DEFAULT_THRESHOLDS,
  type Decision,
  decide,
} from "./confidence.ts";
import { askUnexplained, coverageOf } from "./coverage.ts";
import { plainSiblingName, SIBLING_VARIANTS, type Variant } from "./cues.ts";
import { checkModel, type DecisionModel, type DecisionSignals, decideWithModel } from "./decision-model.ts";
import { DECISION_WEIGHTS } from "./decision-weights.ts";
import { spreadTwins } from "./diversity.ts";
import { fromEnglish } from "./english.ts";
import { buildExampleIndex } from "./examples.ts";
import { sanitizeQuery, type Token } from "./normalize.ts";
import { missesTopic, offTopicWords } from "./off-topic.ts";
import { keepReplacementsFirst } from "./priors.ts";
import { analyzeQuery, type QueryAnalysis } from "./query.ts";
import {
  type Candidate,
  DEFAULT_RERANK_WEIGHTS,
  type RankedCandidate,
  type RerankWeights,
  rerank,
} from "./rerank.ts";
import type { SearchCatalogue } from "./searchable.ts";
import {
  bigramText,
  buildTokenIndex,
  type IndexedProcedure,
  type IndexHit,
  NAMED_STORY_BOOST,
  searchIndex,
  type TokenIndex,
} from "./token-index.ts";
import type { Aspect, ProcedureSearch, SearchCandidate, SearchResult } from "./types.ts";

export interface SearchOptions {
  /** How many index results the re-ranker sees. */
  readonly rerankDepth?: number;
  readonly weights?: RerankWeights;
  readonly thresholds?: ConfidenceThresholds;
  /**
   * Re-rank every index candidate exactly (fuse.js on all of them) instead of only those that can
   * reach the shown places; the results are the same, only slower (tests compare the two).
   */
  readonly exhaustiveRerank?: boolean;
  /**
   * The learnt "nothing fits" decision (decision-model.ts); null for the rules alone. Used only
   * when the catalogue has labelled questions: it was learnt with their vote.
   */
  readonly decisionModel?: DecisionModel | null;
}

/** A search plus the details tests and the benchmark look at. */
export interface ExplainedSearch extends ProcedureSearch {
  explain(query: string): {
    result: SearchResult;
    analysis: QueryAnalysis | null;
    coverage: number;
    specificity: number;
    /** Whether the best candidate explains a citizen term of the question (see coverage.ts). */
    vocabulary?: boolean;
    /** Why nothing fits, when nothing does (for the CLI's readable form and the evaluation). */
    why?: NoneReason;
    /** The candidates weighed, best first, also when nothing fits. */
    weighed?: readonly string[];
    /** What the decision weighed, when candidates were found (decision-model.ts). */
    signals?: DecisionSignals;
  };
  readonly index: TokenIndex;
}

/** What `explain` gives: the result and the details it was decided on. */
export type Explained = ReturnType<ExplainedSearch["explain"]>;

/**
 * Why a search says nothing fits: no word to search, nothing found, the question is about
 * something else (off-topic words, near labelled questions out of scope, an ask no candidate
 * explains), or the best candidate's evidence is too weak, or the learnt decision says so.
 */
export type NoneReason =
  | "empty"
  | "unfound"
  | "off-topic"
  | "voted-none"
  | "ask-unexplained"
  | "weak"
  /** The rules would have shown candidates; the learnt decision (decision-model.ts) turned them down. */
  | "unlikely";

const MAX_CANDIDATES = 5;
/** The places where a level twin of a candidate already shown gives way to another procedure. */
const SPREAD_SLOTS = 3;
const MAX_SEARCH_TERMS = 16;
/**
 * A shown candidate explaining the ask of a long message vouches for the list when it scores at
 * least this share of the best one (see askUnexplained in coverage.ts).
 */
const ASK_CLOSE = 0.75;
/** Fuse's Bitap cost grows with the pattern: the re-rank looks at the first words only. */
const MAX_FUSE_WORDS = 10;
/**
 * When the token index finds nothing (every word unknown and beyond its typo tolerance), a fuse.js
 * scan over all core names and aliases looks for the typed words; its pattern is one Bitap piece
 * (32 characters), which bounds the scan's time (bench:search prints it).
 */
const FALLBACK_PATTERN_CHARS = 32;
const FALLBACK_THRESHOLD = 0.3;
/** Fuzzy similarity of the fallback's best match needed to offer it as a choice. */
const FALLBACK_CLARIFY_SIMILARITY = 0.8;
/** At most this many procedures are matched by the fallback (those sharing the most trigrams). */
const FALLBACK_SCAN = 60;
/**
 * The labelled questions nearest to a question vote this share or more for "nothing fits": it is
 * worded like questions the catalogue had nothing for (see examples.ts).
 */
const VOTED_NONE = 0.6;
/** …provided the nearest of them shares this much of its words (Dice) with the question. */
const VOTED_NONE_NEARNESS = 0.4;
/**
 * When the rules find nothing that fits but near labelled questions, none of them out of scope,
 * give a shown candidate this share of their votes, the citizen is asked to choose instead (the
 * words are the citizens', not the catalogue's). Cross-validated over the labelled files: top-1
 * 0.804 → 0.810, top-3 0.886 → 0.893, rejection 0.851 → 0.847 (the best candidate's share); any
 * shown candidate's share instead of the best one's: 28 more questions asked about, all in scope, 15
 * with a right procedure among the first three (5,442 labelled questions).
 */
const RESCUE_SHARE = 0.4;
const RESCUE_NEARNESS = 0.5;

/**
 * When the citizen is asked to choose and the nearest labelled questions give a shown procedure at
 * least this share of their votes, it is offered first. Cross-validated over the labelled files
 * (5,442 questions): among the questions asked about, 59 more had a right procedure first and 17
 * fewer (0.5: +76 −37; 0.7: +34 −7).
 */
const AGREED_FIRST = 0.6;

/**
 * The shown candidates, the one the near labelled questions agree on first (see AGREED_FIRST); a
 * repealed procedure is never moved (it stays below its replacement).
 */
function agreedFirst<T extends { readonly doc: IndexedProcedure }>(
  shown: readonly T[],
  shares: ReadonlyMap<string, number>,
): T[] {
  let lead = 0;
  let best = 0;
  shown.forEach((r, i) => {
    const share = shares.get(r.doc.procedure.code) ?? 0;
    if (share > best && !r.doc.procedure.status.replacedBy?.length) {
      best = share;
      lead = i;
    }
  });
  if (best < AGREED_FIRST || lead === 0) return [...shown];
  return [shown[lead]!, ...shown.filter((_, i) => i !== lead)];
}

/** Letter trigrams of a folded text, spaces removed. */
function trigrams(text: string): Set<string> {
  const letters = text.replace(/ /g, "");
  const out = new Set<string>();
  for (let i = 0; i + 3 <= letters.length; i++) out.add(letters.slice(i, i + 3));
  return out;
}

function trigramIndex(docs: readonly IndexedProcedure[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const doc of docs) {
    for (const g of trigrams(doc.fuseText.replace(/ \| /g, " "))) {
      const ids = out.get(g);
      if (ids) ids.push(doc.id);
      else out.set(g, [doc.id]);
    }
  }
  return out;
}
const CODE = /(?<![\d.])(\d)\s?[.,]\s?(\d{6})(?!\d)/g;

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function bigramsOf(tokens: readonly Token[]): string[] {
  const text = bigramText(tokens.map((t) => t.folded).join(" "));
  return text === "" ? [] : text.split(" ");
}

export function createSearch(catalogue: SearchCatalogue, options: SearchOptions = {}): ExplainedSearch {
  const index = buildTokenIndex(catalogue.procedures);
  const depth = options.rerankDepth ?? 24;
  // A labelled question in English is read in the catalogue's words, like a search.
  const examples = buildExampleIndex(
    (catalogue.questions ?? []).map((question) => ({
      ...question,
      q: fromEnglish(question.q) ?? question.q,
    })),
  );
  const weights = options.weights ?? DEFAULT_RERANK_WEIGHTS;
  const chosenModel = options.decisionModel === undefined ? DECISION_WEIGHTS : options.decisionModel;
  const model = chosenModel === null || examples.size === 0 ? null : checkModel(chosenModel);
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const docByCode = new Map(index.docs.map((d) => [d.procedure.code, d]));
  /** Procedures of each plain name that mark a variant ("… có yếu tố nước ngoài"), by variant. */
  const marked = new Map<string, IndexedProcedure[]>();
  for (const variant of SIBLING_VARIANTS) {
    for (const doc of index.docs) {
      const plain = plainSiblingName(doc.familyKey, new Set([variant]));
      if (plain === null) continue;
      const key = `${variant} ${plain}`;
      const docs = marked.get(key);
      if (docs) docs.push(doc);
      else marked.set(key, [doc]);
    }
  }
  const variantsOf = (plain: string, cues: ReadonlySet<Variant>): IndexedProcedure[] =>
    SIBLING_VARIANTS.flatMap((v) => (cues.has(v) ? (marked.get(`${v} ${plain}`) ?? []) : []));
  // Built on first use: most searches never need it, and it would add to the build time.
  let fallbackGrams: Map<string, number[]> | undefined;
  /**
   * The fuse.js fallback: procedures sharing the most letter trigrams with the typed words (spaces
   * ignored, so "khaisinh" meets "khai sinh"), then Bitap on their core names and aliases. At most
   * FALLBACK_SCAN procedures are matched, whatever the catalogue's size: bounded time.
   */
  function fuseFallback(content: readonly string[]): IndexHit[] {
    const pattern = content.join(" ").slice(0, FALLBACK_PATTERN_CHARS).trim();
    const grams = trigrams(pattern);
    if (grams.size === 0) return [];
    fallbackGrams ??= trigramIndex(index.docs);
    const shared = new Map<number, number>();
    for (const g of grams)
      for (const id of fallbackGrams.get(g) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    const minShared = Math.max(2, Math.ceil(grams.size / 3));
    const scan = [...shared.entries()]
      .filter(([, n]) => n >= minShared)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, FALLBACK_SCAN);
    const hits: IndexHit[] = [];
    for (const [id] of scan) {
      const doc = index.docs[id]!;
      const m = Fuse.match(pattern, doc.fuseText, { ignoreLocation: true, threshold: FALLBACK_THRESHOLD });
      if (m.isMatch) hits.push({ doc, score: 1 - (m.score ?? 1) });
    }
    return hits.sort((a, b) => b.score - a.score || a.doc.id - b.doc.id).slice(0, depth);
  }

  const toCandidate = (r: RankedCandidate): SearchCandidate => ({
    code: r.doc.procedure.code,
    name: r.doc.procedure.name,
    score: round(r.score),
  });

  function byCode(query: string, aspect: Aspect | null): SearchResult | null {
    const text = sanitizeQuery(query);
    const codes: string[] = [];
    for (const m of text.matchAll(CODE)) {
      const code = `${m[1]}.${m[2]}`;
      if (catalogue.byCode.has(code) && !codes.includes(code)) codes.push(code);
    }
    if (codes.length === 0) return null;
    const candidates = codes.slice(0, MAX_CANDIDATES).map((code) => ({
      code,
      name: catalogue.byCode.get(code)!.name,
      score: 1,
    }));
    return {
      query,
      decision: codes.length === 1 ? "answer" : "clarify",
      answer: codes.length === 1 ? codes[0]! : null,
      candidates,
      aspect,
    };
  }

  function explain(query: string): Explained {
    const raw = typeof query === "string" ? query : "";
    // A question in English is searched in the catalogue's Vietnamese words (english.ts).
    const text = fromEnglish(raw) ?? raw;
    const analysis = analyzeQuery(text, index.syllables, index.pairs);
    const coded = byCode(raw, analysis.aspect);
    if (coded) return { result: coded, analysis, coverage: 1, specificity: index.maxIdf };
    // A question that only asks about an aspect is a follow-up (whatever the index finds for it).
    const followUp = analysis.aspect !== null && !analysis.namesSomething ? { followUp: true } : {};
    const none: SearchResult = {
      query: raw,
      decision: "none",
      answer: null,
      candidates: [],
      aspect: analysis.aspect,
      ...followUp,
    };
    if (analysis.content.length === 0)
      return { result: none, analysis, coverage: 0, specificity: 0, why: "empty" };
    // Repeated words add nothing; the index and fuse see at most MAX_SEARCH_TERMS distinct words,
    // the ask's words before the story's (a long story must not crowd out the ask).
    const asked = analysis.content.filter((_, i) => !analysis.story.has(i)).map((t) => t.folded);
    const told = analysis.content.filter((_, i) => analysis.story.has(i)).map((t) => t.folded);
    const content = [...new Set([...asked, ...told].filter((t) => t.length > 0))].slice(0, MAX_SEARCH_TERMS);
    const story = new Set(told.filter((t) => !asked.includes(t)));
    const expansionTokens = analysis.expansions.flatMap((e) => e.tokens);
    const expansion = [...new Set(expansionTokens.map((t) => t.folded))].filter((t) => !content.includes(t));
    const bigrams = [
      ...bigramsOf(analysis.content.slice(0, MAX_SEARCH_TERMS + 1)),
      ...analysis.expansions.flatMap((e) => bigramsOf(e.tokens)),
    ];
    // When the ask names its procedure officially, a pair told only in the story ("lấy chồng người
    // hàn …") weighs like a story word.
    const askPairs = new Set(bigramsOf(analysis.content.filter((_, i) => !analysis.story.has(i))));
    for (const e of analysis.expansions) for (const p of bigramsOf(e.tokens)) askPairs.add(p);
    const storyPairs = new Set(bigramsOf(analysis.content.filter((_, i) => analysis.story.has(i))));
    for (const p of askPairs) storyPairs.delete(p);
    const found = searchIndex(
      index,
      {
        content,
        expansion,
        bigrams: [...new Set(bigrams)],
        story,
        ...(analysis.namedOfficially ? { storyPairs, storyBoost: NAMED_STORY_BOOST } : {}),
      },
      depth,
    );
    const raws = found.length > 0 ? found : fuseFallback(content);
    if (raws.length === 0) return { result: none, analysis, coverage: 0, specificity: 0, why: "unfound" };
    // A variant the question asks for ("… khai tử có yếu tố nước ngoài" for "chồng em người nhật
    // mất …, đăng ký khai tử") is found at least as well as its plain sibling, whose aliases say
    // what citizens type.
    // A variant the index did not reach joins its plain sibling.
    const plainScore = new Map<string, number>();
    for (const r of raws)
      plainScore.set(r.doc.familyKey, Math.max(plainScore.get(r.doc.familyKey) ?? 0, r.score));
    const reached = new Set(raws.map((r) => r.doc));
    const joined: IndexHit[] = [];
    for (const [plain, score] of plainScore)
      for (const doc of variantsOf(plain, analysis.cues)) {
        if (reached.has(doc)) continue;
        reached.add(doc);
        joined.push({ doc, score });
      }
    // The nearest labelled questions vote; a procedure they vote for that the index did not reach
    // joins with no index score (examples.ts).
    const vote = examples.vote(text);
    const shares = vote?.shares ?? new Map<string, number>();
    for (const code of shares.keys()) {
      const doc = docByCode.get(code);
      if (doc === undefined || reached.has(doc)) continue;
      reached.add(doc);
      joined.push({ doc, score: 0 });
    }
    const candidates: Candidate[] = [...raws, ...joined].map((r) => {
      const plain = plainSiblingName(r.doc.familyKey, analysis.cues);
      return {
        doc: r.doc,
        bm25: Math.max(r.score, plain === null ? 0 : (plainScore.get(plain) ?? 0)),
        vote: shares.get(r.doc.procedure.code) ?? 0,
      };
    });
    // Phrases for fuse: what the citizen typed, and the same with vocabulary terms rewritten.
    const typed = content.slice(0, MAX_FUSE_WORDS).join(" ");
    const rewritten = [...analysis.content.keys()]
      .sort((a, b) => Number(analysis.story.has(a)) - Number(analysis.story.has(b)) || a - b)
      .map((i) => {
        const t = analysis.content[i]!;
        const e = analysis.expansions.find((x) => x.positions[0] === i);
        if (e) return e.tokens.map((x) => x.folded).join(" ");
        return analysis.expansions.some((x) => x.positions.includes(i)) ? "" : t.folded;
      })
      .filter(Boolean)
      .join(" ")
      .split(" ")
      .slice(0, MAX_FUSE_WORDS)
      .join(" ");
    const reranked = rerank(
      candidates,
      {
        phrases: typed === rewritten ? [typed] : [typed, rewritten],
        tokens: analysis.tokens,
        // Story words do not explain a candidate's name: the ask does.
        terms: new Set([...content.filter((t) => !story.has(t)), ...expansion]),
        cues: analysis.cues,
        idf: (t) => index.idf(t),
        pairs: [...new Set(bigrams)],
        pairIdf: (p) => index.pairIdf(p),
      },
      weights,
      options.exhaustiveRerank
        ? {}
        : {
            // Only the shown candidates and the best of another family (for the confidence gap) need
            // exact scores: the rest skip the fuse.js match when they provably cannot reach them.
            exactTop: MAX_CANDIDATES,
            // The shown places hold the best of up to three sibling groups (see diversity.ts).
            familyOf: (c) => c.doc.siblingKey,
            exactFamilies: SPREAD_SLOTS,
            replacementsOf: (c) => c.doc.procedure.status.replacedBy,
          },
    );
    const ranked = keepReplacementsFirst(
      spreadTwins(
        spreadTwins(reranked, (r) => r.doc.familyKey, SPREAD_SLOTS),
        (r) => r.doc.siblingKey,
        SPREAD_SLOTS - 1,
      ),
      (r) => r.doc.procedure.code,
      (code) => docByCode.get(code)?.procedure.status.replacedBy,
      (code, score) => {
        const doc = docByCode.get(code);
        return doc ? { doc, bm25: 0, fuseSimilarity: 0, score, voted: 0 } : undefined;
      },
    );
    const top = ranked[0]!;
    const { coverage, specificity, phrase, vocabulary } = coverageOf(analysis, reranked[0]!.doc, index);
    // The best score of another family, whatever order the shown list puts the families in.
    let second = 0;
    for (const r of ranked) if (r.doc.familyKey !== top.doc.familyKey) second = Math.max(second, r.score);
    // A fallback match is never answered directly: with a close fuzzy match of a procedure citizens
    // carry out, the citizen is asked to choose; otherwise nothing fits.
    const offTopic = missesTopic(
      offTopicWords(analysis.tokens, analysis.beside),
      reranked[0]!.doc.accented,
      reranked[0]!.doc.namePairs,
    );
    const votedNone = vote !== null && vote.none >= VOTED_NONE && vote.nearness >= VOTED_NONE_NEARNESS;
    // The first rule that says the question is about something else, if any (checked in this order).
    const ruledOut: NoneReason | null = offTopic
      ? "off-topic"
      : votedNone
        ? "voted-none"
        : askUnexplained(
              analysis,
              ranked
                .slice(0, SPREAD_SLOTS)
                .filter((r) => r.score >= ASK_CLOSE * top.score)
                .map((r) => r.doc),
              index,
            )
          ? "ask-unexplained"
          : null;
    const decision =
      ruledOut !== null
        ? "none"
        : found.length > 0
          ? decideWithVote(
              analysis,
              reranked,
              { coverage, specificity, phrase, vocabulary },
              top.score,
              second,
            )
          : raws[0]!.score >= FALLBACK_CLARIFY_SIMILARITY && raws[0]!.doc.citizen
            ? "clarify"
            : "none";
    const rescued =
      decision === "none" &&
      !offTopic &&
      found.length > 0 &&
      vote !== null &&
      vote.none === 0 &&
      vote.nearness >= RESCUE_NEARNESS &&
      ranked.slice(0, MAX_CANDIDATES).some((r) => (shares.get(r.doc.procedure.code) ?? 0) >= RESCUE_SHARE);
    const ruled: Decision = rescued ? "clarify" : decision;
    const signals: DecisionSignals = {
      coverage,
      specificity,
      phrase,
      vocabulary: Number(vocabulary === true),
      citizen: Number(top.doc.citizen),
      top: top.score,
      second,
      topShare: shares.get(top.doc.procedure.code) ?? 0,
      bestShare: Math.max(0, ...shares.values()),
      voteNone: vote?.none ?? 0,
      nearness: vote?.nearness ?? 0,
      offTopic: Number(offTopic),
      votedNone: Number(votedNone),
      unexplained: Number(ruledOut === "ask-unexplained"),
      fallback: Number(found.length === 0),
      words: analysis.content.length,
      story: analysis.story.size,
      namesSomething: Number(analysis.namesSomething),
      aspect: Number(analysis.aspect !== null),
      decision: ruled,
    };
    const final = model === null ? ruled : decideWithModel(model, signals);
    const shown = ranked.slice(0, MAX_CANDIDATES);
    const weighed = shown.map((r) => r.doc.procedure.code);
    const details = { analysis, coverage, specificity, phrase, vocabulary, weighed, signals };
    if (final === "none")
      return { ...details, result: none, why: ruled !== "none" ? "unlikely" : (ruledOut ?? "weak") };
    const result: SearchResult = {
      query: raw,
      decision: final,
      answer: final === "answer" ? top.doc.procedure.code : null,
      candidates: (final === "clarify" ? agreedFirst(shown, shares) : shown).map(toCandidate),
      aspect: analysis.aspect,
      ...followUp,
    };
    return { ...details, result };
  }

  /**
   * The decision on the best candidate; when the labelled questions' vote put another first, the
   * best by the rules alone vouches as well: if it would be answered, the citizen is at least asked
   * to choose (the two disagree).
   */
  function decideWithVote(
    analysis: QueryAnalysis,
    reranked: readonly RankedCandidate[],
    evidence: Omit<ConfidenceInput, "citizen" | "top" | "second">,
    top: number,
    second: number,
  ): Decision {
    const best = reranked[0]!;
    const decision = decide({ ...evidence, citizen: best.doc.citizen, top, second }, thresholds);
    let ruled = best;
    for (const r of reranked) if (r.score - r.voted > ruled.score - ruled.voted) ruled = r;
    if (ruled === best || decision !== "none") return decision;
    const own = coverageOf(analysis, ruled.doc, index);
    const alone = decide({ ...own, citizen: ruled.doc.citizen, top, second }, thresholds);
    return alone === "none" ? "none" : "clarify";
  }

  return {
    index,
    explain,
    search(query: string): SearchResult {
      try {
        return explain(query).result;
      } catch {
        // Search must never break a conversation: an unexpected failure reads as "nothing fits".
        return { query: String(query ?? ""), decision: "none", answer: null, candidates: [], aspect: null };
      }
    },
  };
}
