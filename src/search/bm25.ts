/**
 * The token index's scoring: BM25+ over a few text fields with per-term fuzzy and prefix matching,
 * computed exactly as MiniSearch 7 computes it for the options the token index uses, but on typed
 * arrays.
 *
 * MiniSearch was the search thread's largest cost (45 % of its time, most of it building a result
 * object with a match map for every document of every posting list). Here postings are arrays of
 * document numbers and term frequencies, scores add up in reusable Float64Arrays, and nothing is
 * allocated per document. Fuzzy and prefix matches still come from MiniSearch's radix tree
 * (`minisearch/SearchableMap`), filled in the same order, so they are found in the same order.
 * Words of fields searched only for exact words (word pairs, context words) are kept out of the
 * tree, in a plain map: the tree held 9 MB for the labelled questions' 32,000 pairs, the map 1.
 * A query on a fuzzy field cannot match them anyway (they have no postings there).
 *
 * What is kept from MiniSearch's behaviour, because the ranking depends on it:
 * - a field's length is its number of distinct words (an empty field counts one), and the average
 *   length is updated document by document the way MiniSearch does;
 * - a query term's score is the sum over the words it matches (itself with weight 1, longer words
 *   it is a prefix of, then words within its edit distance), in the radix tree's order;
 * - terms, then field queries, are combined by adding scores in query order, and the total is
 *   multiplied by the number of distinct query terms the document matched;
 * - results are ordered by score, ties in the order the documents were first matched.
 * test/search/bm25.test.ts checks all of it against MiniSearch itself on real questions.
 */
import SearchableMap from "minisearch/SearchableMap";

export interface Bm25Options {
  /** Boost of each field, in field order. */
  readonly boosts: readonly number[];
  /**
   * Fields only ever searched for exact words (true at the field's place): their words are kept
   * in a plain map, not in the radix tree that fuzzy and prefix matching walk. A field of word
   * pairs has tens of thousands of them; in the tree they cost about 0.25 KB each. A fuzzy or
   * prefix query on such a field is refused.
   */
  readonly exact?: readonly boolean[];
  /** Weights of a fuzzy and of a prefix match against an exact one (1). */
  readonly weights: { readonly fuzzy: number; readonly prefix: number };
}

/** One query over one field: its terms, each optionally fuzzy or a prefix, and boosted. */
export interface FieldQuery {
  readonly field: number;
  readonly terms: readonly string[];
  /** Edit distance allowed for the term (≥ 1), or false. */
  readonly fuzzy?: (term: string, i: number) => number | false;
  readonly prefix?: (term: string, i: number) => boolean;
  readonly boostTerm?: (term: string, i: number) => number;
}

/** Matching documents, best first: `docs[i]` scored `scores[i]`. */
export interface Bm25Results {
  readonly docs: Int32Array;
  readonly scores: Float64Array;
}

const K = 1.2;
const B = 0.7;
const D = 0.5;
/** MiniSearch's default cap on a fractional fuzziness (not used by an edit distance ≥ 1). */
const MAX_FUZZY = 6;

/** A set of touched documents with a score each, cleared in time proportional to its size. */
class Accumulator {
  readonly score: Float64Array;
  readonly touched: Int32Array;
  private readonly stamp: Int32Array;
  private generation = 1;
  size = 0;

  constructor(n: number) {
    this.score = new Float64Array(n);
    this.touched = new Int32Array(n);
    this.stamp = new Int32Array(n);
  }

  clear(): void {
    this.size = 0;
    this.generation++;
  }

  add(doc: number, value: number): void {
    if (this.stamp[doc] === this.generation) {
      this.score[doc] = this.score[doc]! + value;
    } else {
      this.stamp[doc] = this.generation;
      this.score[doc] = value;
      this.touched[this.size++] = doc;
    }
  }

  /** Adds another accumulator's documents, in its order. */
  merge(other: Accumulator): void {
    for (let i = 0; i < other.size; i++) {
      const doc = other.touched[i]!;
      this.add(doc, other.score[doc]!);
    }
  }
}

/** An Int32Array that grows as values are pushed. */
class IntList {
  values = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
}

export class Bm25Index {
  readonly documentCount: number;
  /** Word → its number; a word's postings in field f are under the key `number * fields + f`. */
  private readonly terms: SearchableMap<number>;
  /** Numbers of the words found only in exact fields (not in `terms`). */
  private readonly exactTerms = new Map<string, number>();
  private readonly fields: number;
  /** Postings of key k: `postingDocs` and `postingFreqs` from `postingStart[k]` to `postingStart[k + 1]`. */
  private readonly postingStart: Int32Array;
  private readonly postingDocs: Int32Array;
  private readonly postingFreqs: Uint16Array;
  private readonly fieldLength: Float64Array[];
  private readonly averageLength: number[];
  private readonly options: Bm25Options;
  private readonly term: Accumulator;
  private readonly field: Accumulator;
  private readonly total: Accumulator;
  /** Per document: distinct query terms matched, and the last term counted (by its number). */
  private readonly quality: Int32Array;
  private readonly counted: Int32Array;

  /** `documents[d][f]` is document d's text in field f, words separated by single spaces. */
  constructor(documents: readonly (readonly string[])[], options: Bm25Options) {
    const fields = options.boosts.length;
    const n = documents.length;
    this.documentCount = n;
    this.fields = fields;
    this.options = options;
    this.terms = new SearchableMap<number>();
    this.fieldLength = Array.from({ length: fields }, () => new Float64Array(n));
    this.averageLength = new Array<number>(fields).fill(0);
    // First pass: number the words (in the order MiniSearch adds them, so the radix tree is the
    // same) and keep each field's words as numbers, with their count.
    const sequence = new IntList();
    const wordsIn = new Int32Array(n * fields);
    let words = 0;
    const exactOnly = options.exact ?? [];
    const numberOf = (token: string, f: number): number => {
      if (exactOnly[f]) {
        const known = this.exactTerms.get(token) ?? this.terms.get(token);
        if (known !== undefined) return known;
        this.exactTerms.set(token, words);
        return words++;
      }
      // A word met first in an exact field keeps its number when a fuzzy field has it too.
      const number = this.exactTerms.get(token);
      if (number === undefined) return this.terms.fetch(token, () => words++);
      this.exactTerms.delete(token);
      this.terms.set(token, number);
      return number;
    };
    documents.forEach((texts, doc) => {
      for (let f = 0; f < fields; f++) {
        const tokens = (texts[f] ?? "").split(" ");
        const length = new Set(tokens).size;
        this.fieldLength[f]![doc] = length;
        this.averageLength[f] = (this.averageLength[f]! * doc + length) / (doc + 1);
        let count = 0;
        for (const token of tokens) {
          if (token === "") continue;
          sequence.push(numberOf(token, f));
          count++;
        }
        wordsIn[doc * fields + f] = count;
      }
    });
    // Second pass: count each key's documents, lay the postings out key by key, then fill them
    // (documents come in order, so a repeated word in one field adds to the last posting).
    const keys = words * fields;
    const last = new Int32Array(keys).fill(-1);
    const start = new Int32Array(keys + 1);
    const replay = (visit: (key: number, doc: number) => void) => {
      let at = 0;
      for (let doc = 0; doc < n; doc++) {
        for (let f = 0; f < fields; f++) {
          const end = at + wordsIn[doc * fields + f]!;
          for (; at < end; at++) visit(sequence.values[at]! * fields + f, doc);
        }
      }
    };
    replay((key, doc) => {
      if (last[key] === doc) return;
      last[key] = doc;
      start[key + 1]!++;
    });
    for (let k = 0; k < keys; k++) start[k + 1]! += start[k]!;
    this.postingStart = start;
    this.postingDocs = new Int32Array(start[keys]!);
    this.postingFreqs = new Uint16Array(start[keys]!);
    const next = start.slice(0, keys);
    last.fill(-1);
    replay((key, doc) => {
      if (last[key] === doc) {
        const at = next[key]! - 1;
        if (this.postingFreqs[at]! < 0xffff) this.postingFreqs[at]!++;
        return;
      }
      last[key] = doc;
      const at = next[key]!++;
      this.postingDocs[at] = doc;
      this.postingFreqs[at] = 1;
    });
    this.term = new Accumulator(n);
    this.field = new Accumulator(n);
    this.total = new Accumulator(n);
    this.quality = new Int32Array(n);
    this.counted = new Int32Array(n).fill(-1);
  }

  /** Runs the field queries (combined with OR) with a boost per document; best first. */
  search(queries: readonly FieldQuery[], documentBoost: Float64Array): Bm25Results {
    const { term, field, total } = this;
    total.clear();
    // Every distinct query term gets a number; the documents each one matched are kept to count
    // the distinct terms per document once scoring is done.
    const termNumber = new Map<string, number>();
    const matched: { number: number; docs: Int32Array }[] = [];
    for (const query of queries) {
      field.clear();
      query.terms.forEach((word, i) => {
        term.clear();
        this.scoreTerm(query, word, i, documentBoost);
        field.merge(term);
        let number = termNumber.get(word);
        if (number === undefined) {
          number = termNumber.size;
          termNumber.set(word, number);
        }
        matched.push({ number, docs: term.touched.slice(0, term.size) });
      });
      total.merge(field);
    }
    for (let i = 0; i < total.size; i++) {
      const doc = total.touched[i]!;
      this.quality[doc] = 0;
      this.counted[doc] = -1;
    }
    // A term may come in several field queries: its occurrences side by side, a document counts
    // it once.
    matched.sort((a, b) => a.number - b.number);
    for (const { number, docs } of matched) {
      for (const doc of docs) {
        if (this.counted[doc] !== number) {
          this.counted[doc] = number;
          this.quality[doc]!++;
        }
      }
    }
    const m = total.size;
    const order = new Int32Array(m);
    const final = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      const doc = total.touched[i]!;
      order[i] = i;
      final[i] = total.score[doc]! * (this.quality[doc] || 1);
    }
    // Best first; equal scores keep the order in which documents were first matched.
    order.sort((a, b) => final[b]! - final[a]! || a - b);
    const docs = new Int32Array(m);
    const scores = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      docs[i] = total.touched[order[i]!]!;
      scores[i] = final[order[i]!]!;
    }
    return { docs, scores };
  }

  /** Adds one query term's score (exact, prefix and fuzzy matches) to the term accumulator. */
  private scoreTerm(query: FieldQuery, word: string, i: number, documentBoost: Float64Array): void {
    const termBoost = query.boostTerm ? query.boostTerm(word, i) : 1;
    const exact = this.terms.get(word) ?? this.exactTerms.get(word);
    if (exact !== undefined) this.addPostings(exact, query.field, 1, termBoost, documentBoost);
    const prefix = query.prefix ? query.prefix(word, i) : false;
    const fuzzy = query.fuzzy ? query.fuzzy(word, i) : false;
    if ((prefix || fuzzy !== false) && this.options.exact?.[query.field])
      throw new Error(`field ${query.field} is searched for exact words only`);
    const maxDistance =
      fuzzy === false ? 0 : fuzzy < 1 ? Math.min(MAX_FUZZY, Math.round(word.length * fuzzy)) : fuzzy;
    const fuzzyMatches = maxDistance ? this.terms.fuzzyGet(word, maxDistance) : undefined;
    if (prefix) {
      for (const [derived, number] of this.terms.atPrefix(word)) {
        const distance = derived.length - word.length;
        if (!distance) continue;
        fuzzyMatches?.delete(derived);
        const weight = (this.options.weights.prefix * derived.length) / (derived.length + 0.3 * distance);
        this.addPostings(number, query.field, weight, termBoost, documentBoost);
      }
    }
    if (fuzzyMatches) {
      for (const [derived, [number, distance]] of fuzzyMatches) {
        if (!distance) continue;
        const weight = (this.options.weights.fuzzy * derived.length) / (derived.length + distance);
        this.addPostings(number, query.field, weight, termBoost, documentBoost);
      }
    }
  }

  private addPostings(
    word: number,
    f: number,
    termWeight: number,
    termBoost: number,
    documentBoost: Float64Array,
  ): void {
    const key = word * this.fields + f;
    const from = this.postingStart[key]!;
    const to = this.postingStart[key + 1]!;
    const matching = to - from;
    if (matching === 0) return;
    const { postingDocs: docs, postingFreqs: freqs } = this;
    const idf = Math.log(1 + (this.documentCount - matching + 0.5) / (matching + 0.5));
    const average = this.averageLength[f]!;
    const lengths = this.fieldLength[f]!;
    const boost = termWeight * termBoost * this.options.boosts[f]!;
    const term = this.term;
    for (let i = from; i < to; i++) {
      const doc = docs[i]!;
      const docBoost = documentBoost[doc] ?? 1;
      if (!docBoost) continue;
      const tf = freqs[i]!;
      const raw = idf * (D + (tf * (K + 1)) / (tf + K * (1 - B + (B * lengths[doc]!) / average)));
      term.add(doc, boost * docBoost * raw);
    }
  }
}
