/**
 * The candidate generator: a BM25+ index (bm25.ts: MiniSearch's scoring on typed arrays) with one
 * document per procedure name and per curated alias (folded), plus their syllable bigrams so compounds ("khai_sinh") outrank
 * scattered syllables. Field and result texts are indexed too, on the name document only, at a
 * low boost (CONTEXT_BOOST), searched with exact words that are rare there (no typo tolerance:
 * long posting lists); they also count in the coverage check. Fuzziness is per term by length
 * (none up to 3 letters, 1 edit up to 7, 2 beyond) and prefix matching is allowed on the last term only; both only for words the
 * catalogue does not know (a known syllable is spelled right).
 */
import { Bm25Index, type Bm25Results, type FieldQuery } from "./bm25.ts";
import { cuePairs, nameVariants, type Variant } from "./cues.ts";
import { siblingKey } from "./diversity.ts";
import { vocabularyPairs, vocabularySyllables } from "./expand.ts";
import { foldText, type Token, tokenize } from "./normalize.ts";
import { citizenFactor, procedurePrior } from "./priors.ts";
import type { SearchableProcedure } from "./searchable.ts";
import { NAME_ABBREVIATIONS } from "./vocabulary.ts";

/** What the ranking keeps about one procedure. */
export interface IndexedProcedure {
  readonly id: number;
  readonly procedure: SearchableProcedure;
  /** Folded name without a leading "thủ tục". */
  readonly name: string;
  readonly aliases: readonly string[];
  /** Accented tokens of name and aliases, for the accent check. */
  readonly accented: ReadonlySet<string>;
  /** Folded tokens of name and aliases. */
  readonly folded: ReadonlySet<string>;
  /** Folded tokens of every indexed field (name, aliases, field, result). */
  readonly allTerms: ReadonlySet<string>;
  /** Neighbouring syllable pairs of name and aliases ("khai_sinh"). */
  readonly namePairs: ReadonlySet<string>;
  /** The name without level notes such as "(thực hiện tại cấp tỉnh)": equal keys are level twins. */
  readonly familyKey: string;
  /** The family key's first words: procedures of one kind (see `siblingKey` in diversity.ts). */
  readonly siblingKey: string;
  /**
   * The core name (`familyKey`) and each alias as words with their IDF weights, for the share of
   * its own name a question explains (filled once the whole catalogue's frequencies are known).
   */
  readonly nameWords: readonly WeightedWords[];
  /** Core name and aliases in one folded text, for the fuse.js phrase match. */
  readonly fuseText: string;
  readonly variants: ReadonlySet<Variant>;
  readonly prior: number;
  /** True when citizens (people, households) may apply, not only businesses or agencies. */
  readonly citizen: boolean;
}

/** A folded text's words and their inverse document frequencies. */
export interface WeightedWords {
  readonly words: readonly string[];
  readonly weights: readonly number[];
}

export interface TokenIndex {
  readonly docs: readonly IndexedProcedure[];
  /** Index document id → procedure id (a procedure has one document per name and alias). */
  readonly owner: readonly number[];
  /** Index document id → its procedure's prior (the index's document boost). */
  readonly documentPrior: Float64Array;
  readonly bm25: Bm25Index;
  /** Folded syllables known to the catalogue and the vocabulary (for Telex repair). */
  readonly syllables: ReadonlySet<string>;
  /** Folded neighbouring syllable pairs ("khai_sinh") of names, aliases and the vocabulary. */
  readonly pairs: ReadonlySet<string>;
  /** Inverse document frequency of a folded name/alias token (unknown tokens get `maxIdf`). */
  idf(term: string): number;
  /** Inverse document frequency of a folded word among the procedures' field and result texts. */
  contextIdf(term: string): number;
  /** Inverse document frequency of a syllable pair ("khai_sinh") among names and aliases. */
  pairIdf(pair: string): number;
  readonly maxIdf: number;
}

/** The index's fields, in the order of a document's texts. */
const NAME = 0;
const BIGRAMS = 1;
/** Field and result of the procedure (on its name document only), searched at a low boost. */
const CONTEXT = 2;
/** A document's texts: name, bigrams, context. */
type IndexDocument = readonly [name: string, bigrams: string, context: string];

/**
 * Boost of the field and result words against the name's 3: a question that names the paper it
 * wants ("giấy chứng nhận", "thẻ") or the area ("đất đai") finds procedures whose name says it
 * differently, without outranking a name match.
 */
export const CONTEXT_BOOST = 0.4;

const LEVEL_NOTE = /\((thuc hien )?(tai |o )?cap (trung uong|tinh|tinh|xa|huyen|bo)[^)]*\)/g;
/** Channel and level notes at the end of a name say how, not what ("… thực hiện bằng dịch vụ công …"). */
const TRAILING_NOTE =
  /\s(thuc hien )?(bang dich vu cong|tai cap (trung uong|tinh|xa|huyen)|o cap (tinh|xa))\b.*$|\scap (xa|tinh|bo|huyen|trung uong)$/;

/** The part of a folded name that says what the procedure is. */
export function coreName(folded: string): string {
  const core = folded.replace(LEVEL_NOTE, " ").replace(TRAILING_NOTE, "").replace(/\s+/g, " ").trim();
  return core === "" ? folded : core;
}
const LEADING_THU_TUC = /^thu tuc:? /;

export function fuzzyFor(term: string): number | false {
  if (term.includes("_") || /\d/.test(term)) return false;
  if (term.length <= 3) return false;
  return term.length <= 7 ? 1 : 2;
}

function bigrams(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) out.push(`${tokens[i]}_${tokens[i + 1]}`);
  return out;
}

/** Bigrams of a folded text, joined for the index. */
export function bigramText(folded: string): string {
  return bigrams(folded.split(" ").filter(Boolean)).join(" ");
}

const MAX_RESULT_CHARS = 240;

let abbreviations: Map<string, string> | undefined;

/** Full forms of the abbreviations a folded name uses. */
function abbreviationsIn(folded: string): string[] {
  abbreviations ??= new Map(Object.entries(NAME_ABBREVIATIONS).map(([k, v]) => [k, v]));
  const out: string[] = [];
  for (const t of folded.split(" ")) {
    const full = abbreviations.get(t);
    if (full) out.push(full);
  }
  return out;
}

/** A folded name with the full form of each abbreviation appended. */
function withAbbreviations(folded: string): string {
  const extra = abbreviationsIn(folded);
  return extra.length === 0 ? folded : `${folded} ${foldText(extra.join(" "))}`;
}

/** A folded name with each abbreviation written out in place ("so bhxh" → "so bao hiem xa hoi"). */
function spelledOut(folded: string): string {
  abbreviations ??= new Map(Object.entries(NAME_ABBREVIATIONS).map(([k, v]) => [k, v]));
  const words = folded.split(" ");
  if (!words.some((t) => abbreviations!.has(t))) return folded;
  return words.map((t) => (abbreviations!.has(t) ? foldText(abbreviations!.get(t)!) : t)).join(" ");
}

export function buildTokenIndex(procedures: readonly SearchableProcedure[]): TokenIndex {
  const docs: { -readonly [K in keyof IndexedProcedure]: IndexedProcedure[K] }[] = [];
  const documents: IndexDocument[] = [];
  const df = new Map<string, number>();
  const owner: number[] = [];
  const pairs = new Set([...vocabularyPairs(), ...cuePairs()]);
  const pairDf = new Map<string, number>();
  const contextDf = new Map<string, number>();
  const syllables = vocabularySyllables();
  procedures.forEach((procedure, id) => {
    const name = foldText(procedure.name).replace(LEADING_THU_TUC, "");
    const nameText = withAbbreviations(coreName(name));
    const aliases = procedure.aliases.map(foldText).filter(Boolean);
    const tokens: Token[] = [
      ...tokenize(procedure.name),
      ...procedure.aliases.flatMap((a) => tokenize(a)),
      ...tokenize(abbreviationsIn(name).join(" ")),
    ];
    const folded = new Set(tokens.map((t) => t.folded));
    for (const t of folded) {
      df.set(t, (df.get(t) ?? 0) + 1);
      syllables.add(t);
    }
    for (const t of foldText(procedure.field).split(" ")) if (t) syllables.add(t);
    const result = foldText(procedure.results.join(" ").slice(0, MAX_RESULT_CHARS));
    const field = foldText(procedure.field);
    const allTerms = new Set(folded);
    for (const t of `${field} ${result}`.split(" ")) if (t) allTerms.add(t);
    for (const t of new Set(`${field} ${result}`.split(" ")))
      if (t) contextDf.set(t, (contextDf.get(t) ?? 0) + 1);
    const namePairs = new Set<string>();
    for (const text of [nameText, ...aliases])
      for (const b of bigramText(text).split(" ")) if (b) namePairs.add(b);
    docs.push({
      id,
      namePairs,
      procedure,
      name,
      aliases,
      accented: new Set(tokens.map((t) => t.accented)),
      folded,
      allTerms,
      familyKey: coreName(name),
      siblingKey: siblingKey(coreName(name)),
      nameWords: [],
      fuseText: [spelledOut(coreName(name)), ...aliases].join(" | "),
      variants: nameVariants(procedure.name),
      prior: procedurePrior(procedure),
      citizen: citizenFactor(procedure.applicants, procedure.official.applicants),
    });
    // One index document for the official name, one per alias: a
    // procedure scores by its best document, so many aliases do not add up.
    owner.push(id);
    documents.push([
      nameText,
      bigramText(nameText),
      [...new Set(`${field} ${result}`.split(" ").filter(Boolean))].join(" "),
    ]);
    for (const b of namePairs) {
      pairs.add(b);
      pairDf.set(b, (pairDf.get(b) ?? 0) + 1);
    }
    for (const alias of aliases) {
      owner.push(id);
      documents.push([alias, bigramText(alias), ""]);
    }
  });
  const bm25 = new Bm25Index(documents, {
    boosts: [3, 2.5, CONTEXT_BOOST],
    // Name pairs and field/result words are only looked up exactly (searchDocuments).
    exact: [false, true, true],
    weights: { fuzzy: 0.45, prefix: 0.3 },
  });
  const n = procedures.length;
  const maxIdf = Math.log(1 + (n + 0.5) / 0.5);
  const idf = (term: string): number => {
    const d = df.get(term);
    return d === undefined ? maxIdf : Math.log(1 + (n - d + 0.5) / (d + 0.5));
  };
  for (const doc of docs) {
    doc.nameWords = [spelledOut(doc.familyKey), ...doc.aliases].map((text) => {
      const words = text.split(" ").filter((t) => t !== "");
      return { words, weights: words.map(idf) };
    });
  }
  return {
    docs,
    owner,
    documentPrior: Float64Array.from(owner, (id) => docs[id]!.prior),
    bm25,
    pairs,
    syllables,
    maxIdf,
    pairIdf(pair: string): number {
      const d = pairDf.get(pair);
      return d === undefined ? 0 : Math.log(1 + (n - d + 0.5) / (d + 0.5));
    },
    idf,
    contextIdf(term: string): number {
      const d = contextDf.get(term);
      return d === undefined ? 0 : Math.log(1 + (n - d + 0.5) / (d + 0.5));
    },
  };
}

/** The terms of one search, with their weights. */
export interface IndexQuery {
  /** Folded content terms typed by the citizen. */
  readonly content: readonly string[];
  /** Folded terms added by the vocabulary. */
  readonly expansion: readonly string[];
  /** Folded bigrams (content and expansion phrases). */
  readonly bigrams: readonly string[];
  /** Content terms found only in the story told before the ask (see clauses.ts): weighted down. */
  readonly story?: ReadonlySet<string>;
  /** Bigrams found only in the story ("lấy chồng" before "… giờ muốn khai sinh cho bé"): weighted down. */
  readonly storyPairs?: ReadonlySet<string>;
  /** Weight of the story's words and pairs (default STORY_BOOST). */
  readonly storyBoost?: number;
}

export const EXPANSION_BOOST = 0.7;
/** Weight of a story word: it still helps a procedure that has it, but does not lead the ranking. */
export const STORY_BOOST = 0.4;
/**
 * Weight of a story word when the ask names its procedure in the catalogue's own words: the story
 * ("lấy chồng người hàn, bé sinh ở …") then tells why, and its words must not outweigh the ask's.
 */
export const NAMED_STORY_BOOST = 0.15;

/** One procedure found by the index: its best document's score. */
export interface IndexHit {
  readonly doc: IndexedProcedure;
  readonly score: number;
}

/** Runs the index query and returns up to `limit` procedures, best first. */
export function searchIndex(index: TokenIndex, q: IndexQuery, limit: number): IndexHit[] {
  const { docs, scores } = searchDocuments(index, q);
  const hits: IndexHit[] = [];
  const seen = new Set<number>();
  // Documents come best first, so a procedure's first document is its best.
  for (let i = 0; i < docs.length && hits.length < limit; i++) {
    const id = index.owner[docs[i]!]!;
    if (seen.has(id)) continue;
    seen.add(id);
    hits.push({ doc: index.docs[id]!, score: scores[i]! });
  }
  return hits;
}

/**
 * Words found in more than 8 % of names ("cấp", "đăng", "ký", "giấy") cost the most to
 * score and separate nothing; they are left to the pairs, the re-rank and the coverage check.
 */
export const COMMON_WORD_IDF = Math.log(1 + (1 - 0.08) / 0.08);
/** Pairs found in more than 2 % of names ("dang_ky", "giay_chung") are not sent to the index. */
export const COMMON_PAIR_IDF = Math.log(1 + (1 - 0.02) / 0.02);

/** At most this many words go to the index per part of the query (rarest first). */
const MAX_INDEX_TERMS = 8;

/**
 * Drops common words (always keeping the two rarest so a query of common words still runs) and
 * keeps at most MAX_INDEX_TERMS, rarest first, in query order.
 */
function selective(index: TokenIndex, terms: readonly string[], story?: ReadonlySet<string>): string[] {
  // The ask's words come first: a long story must not push them out of the MAX_INDEX_TERMS.
  const told = (t: string) => (story?.has(t) ? 1 : 0);
  const byRarity = [...terms].sort((a, b) => told(a) - told(b) || index.idf(b) - index.idf(a));
  const rare = byRarity.filter((t) => index.idf(t) >= COMMON_WORD_IDF);
  const keep = new Set((rare.length >= 2 ? rare : byRarity.slice(0, 2)).slice(0, MAX_INDEX_TERMS));
  return terms.filter((t) => keep.has(t));
}

const NOTHING: Bm25Results = { docs: new Int32Array(0), scores: new Float64Array(0) };

function searchDocuments(index: TokenIndex, query: IndexQuery): Bm25Results {
  // An empty word is no word (the index has none).
  const q: IndexQuery = {
    content: selective(index, query.content, query.story).filter(Boolean),
    expansion: selective(index, query.expansion).filter(Boolean),
    bigrams: query.bigrams.filter((b) => b !== "" && index.pairIdf(b) >= COMMON_PAIR_IDF),
  };
  const queries: FieldQuery[] = [];
  const lastContent = q.content.length - 1;
  if (q.content.length > 0) {
    queries.push({
      field: NAME,
      terms: q.content,
      // A syllable the catalogue knows is spelled right: only unknown words get typo tolerance,
      // which also keeps long questions cheap.
      fuzzy: (term) => (index.syllables.has(term) ? false : fuzzyFor(term)),
      prefix: (term, i) =>
        i === lastContent && term.length >= 3 && !/\d/.test(term) && !index.syllables.has(term),
      ...(query.story && query.story.size > 0
        ? { boostTerm: (term: string) => (query.story!.has(term) ? (query.storyBoost ?? STORY_BOOST) : 1) }
        : {}),
    });
  }
  if (q.expansion.length > 0) {
    queries.push({ field: NAME, terms: q.expansion, boostTerm: () => EXPANSION_BOOST });
  }
  if (q.bigrams.length > 0)
    queries.push({
      field: BIGRAMS,
      terms: q.bigrams,
      ...(query.storyPairs && query.storyPairs.size > 0
        ? {
            boostTerm: (pair: string) =>
              query.storyPairs!.has(pair) ? (query.storyBoost ?? STORY_BOOST) : 1,
          }
        : {}),
    });
  // Field and result words: exact words only, and only those rare there too (long posting lists
  // would cost more than they tell).
  const contextTerms = q.content.filter((t) => index.contextIdf(t) >= COMMON_WORD_IDF);
  if (contextTerms.length > 0) queries.push({ field: CONTEXT, terms: contextTerms });
  if (queries.length === 0) return NOTHING;
  return index.bm25.search(queries, index.documentPrior);
}
