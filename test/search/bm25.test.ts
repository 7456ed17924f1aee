/**
 * The token index's BM25+ against MiniSearch 7 itself, with the options the token index used it
 * with: the same documents (real procedure names, aliases, their bigrams, field and result words),
 * the same queries (questions from the tuning sets, and the same with typos), the same results in
 * the same order with the same scores.
 */
import { readFileSync } from "node:fs";
import MiniSearch from "minisearch";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadCatalogue } from "../../src/catalogue/load.ts";
import { Bm25Index, type FieldQuery } from "../../src/search/bm25.ts";
import { foldText } from "../../src/search/normalize.ts";
import { bigramText, fuzzyFor } from "../../src/search/token-index.ts";
import { seededRandom } from "../support/random.ts";

type Doc = readonly [string, string, string];
const FIELDS = ["name", "bigrams", "context"] as const;
const BOOSTS = [3, 2.5, 0.4];

let documents: Doc[];
let prior: Float64Array;
let ours: Bm25Index;
/** Every word of every document (the token index gives typo tolerance only to words it lacks). */
let known: Set<string>;
let reference: MiniSearch<{ id: number; name: string; bigrams: string; context: string }>;
let questions: string[];

beforeAll(async () => {
  const catalogue = await loadCatalogue("procedures");
  documents = [];
  for (const p of catalogue.procedures) {
    const name = foldText(p.name);
    const context = [...new Set(foldText(`${p.field} ${p.results.join(" ").slice(0, 240)}`).split(" "))];
    documents.push([name, bigramText(name), context.filter(Boolean).join(" ")]);
    for (const alias of p.aliases.map(foldText).filter(Boolean))
      documents.push([alias, bigramText(alias), ""]);
  }
  // Priors with ties, and a few documents boosted to zero (skipped by both).
  prior = Float64Array.from(documents, (_, i) => (i % 97 === 0 ? 0 : 0.5 + (i % 7) / 6));
  known = new Set(documents.flatMap((texts) => texts.join(" ").split(" ")));
  // As the token index builds it: pairs and context words are only looked up exactly.
  ours = new Bm25Index(documents, {
    boosts: BOOSTS,
    exact: [false, true, true],
    weights: { fuzzy: 0.45, prefix: 0.3 },
  });
  reference = new MiniSearch({
    fields: [...FIELDS],
    tokenize: (text) => text.split(" "),
    processTerm: (term) => (term === "" ? null : term),
    searchOptions: {
      boost: { name: BOOSTS[0]!, bigrams: BOOSTS[1]!, context: BOOSTS[2]! },
      weights: { fuzzy: 0.45, prefix: 0.3 },
      combineWith: "OR",
    },
  });
  reference.addAll(documents.map(([name, bigrams, context], id) => ({ id, name, bigrams, context })));
  questions = [
    "procedures/questions/dev.yaml",
    "test/search/fresh-set.yaml",
    "test/search/eval-set.yaml",
    "procedures/questions/train-3.yaml",
    "procedures/questions/train-4.yaml",
  ].flatMap((file) =>
    (parse(readFileSync(file, "utf8")) as { items: { q: string }[] }).items.map((i) => i.q),
  );
}, 120_000);

/** A query like the token index's: content words (fuzzy when unknown, a prefix at the end, story words weighed down), more words at a lower boost, bigrams, and the content again in the context field. */
function queriesFor(words: readonly string[]): FieldQuery[] {
  const content = words.slice(0, 8);
  const more = words.slice(8, 12).filter((w) => !content.includes(w));
  const pairs = [...new Set(bigramText(content.join(" ")).split(" ").filter(Boolean))];
  const story = new Set(content.filter((_, i) => i % 3 === 1));
  const queries: FieldQuery[] = [];
  if (content.length > 0) {
    queries.push({
      field: 0,
      terms: content,
      fuzzy: (term) => (known.has(term) ? false : fuzzyFor(term)),
      prefix: (term, i) => i === content.length - 1 && term.length >= 3 && !known.has(term),
      boostTerm: (term) => (story.has(term) ? 0.4 : 1),
    });
    queries.push({ field: 2, terms: content });
  }
  if (more.length > 0) queries.push({ field: 0, terms: more, boostTerm: () => 0.7 });
  if (pairs.length > 0) queries.push({ field: 1, terms: pairs });
  return queries;
}

function referenceSearch(queries: readonly FieldQuery[]) {
  return reference.search(
    {
      combineWith: "OR",
      queries: queries.map((q) => ({
        queries: [q.terms.join(" ")],
        fields: [FIELDS[q.field]!],
        ...(q.fuzzy && { fuzzy: (term: string, i: number) => q.fuzzy!(term, i) }),
        ...(q.prefix && { prefix: (term: string, i: number) => q.prefix!(term, i) }),
        ...(q.boostTerm && { boostTerm: (term: string, i: number) => q.boostTerm!(term, i) }),
      })),
    },
    { boostDocument: (id) => prior[id as number] ?? 1 },
  );
}

/** A typo in every word of more than 3 letters: a letter dropped, doubled or swapped. */
function misspell(words: readonly string[], random: () => number): string[] {
  return words.map((w) => {
    if (w.length <= 3) return w;
    const at = 1 + Math.floor(random() * (w.length - 2));
    const kind = Math.floor(random() * 3);
    if (kind === 0) return w.slice(0, at) + w.slice(at + 1);
    if (kind === 1) return w.slice(0, at) + w[at] + w.slice(at);
    return w.slice(0, at - 1) + w[at] + w[at - 1] + w.slice(at + 1);
  });
}

/** Where our results first differ from MiniSearch's for these words, or undefined; and how many there were. */
function compare(words: readonly string[]): { differs?: string; results: number } {
  const queries = queriesFor(words);
  const expected = referenceSearch(queries);
  const got = ours.search(queries, prior);
  if (got.docs.length !== expected.length) {
    return {
      differs: `${words.join(" ")}: ${got.docs.length} results, MiniSearch ${expected.length}`,
      results: 0,
    };
  }
  for (let i = 0; i < expected.length; i++) {
    const want = expected[i]!;
    if (got.docs[i] !== want.id || Math.abs(got.scores[i]! - want.score) > 1e-12 * Math.abs(want.score)) {
      return {
        differs: `${words.join(" ")}: #${i} is ${got.docs[i]} (${got.scores[i]}), MiniSearch ${want.id} (${want.score})`,
        results: i,
      };
    }
  }
  return { results: expected.length };
}

describe("Bm25Index", () => {
  it("ranks and scores as MiniSearch does, on the tuning sets' questions", () => {
    let results = 0;
    for (const q of questions) {
      const outcome = compare(foldText(q).split(" ").filter(Boolean));
      expect(outcome.differs).toBeUndefined();
      results += outcome.results;
    }
    expect(questions.length).toBeGreaterThan(600);
    expect(results).toBeGreaterThan(100_000);
  }, 120_000);

  it("ranks and scores as MiniSearch does when every long word has a typo (fuzzy and prefix matches)", () => {
    const random = seededRandom(7);
    for (const q of questions.slice(0, 400)) {
      expect(
        compare(misspell(foldText(q).split(" ").filter(Boolean).slice(0, 6), random)).differs,
      ).toBeUndefined();
    }
  }, 120_000);

  it("refuses a fuzzy or prefix query on a field kept for exact words", () => {
    expect(() => ours.search([{ field: 1, terms: ["dang_ky"], fuzzy: () => 1 }], prior)).toThrow(/exact/);
    expect(() => ours.search([{ field: 2, terms: ["dang"], prefix: () => true }], prior)).toThrow(/exact/);
  });

  it("keeps one number for a word met first in an exact field and then in a fuzzy one", () => {
    const index = new Bm25Index(
      [
        ["", "", "ho tich"],
        ["ho tich", "", ""],
      ],
      { boosts: [1, 1, 1], exact: [false, false, true], weights: { fuzzy: 0.45, prefix: 0.3 } },
    );
    const prior2 = new Float64Array([1, 1]);
    expect([...index.search([{ field: 2, terms: ["tich"] }], prior2).docs]).toEqual([0]);
    expect([...index.search([{ field: 0, terms: ["tich"] }], prior2).docs]).toEqual([1]);
    // Fuzzy matching finds the word in the fuzzy field ("tich" one edit from "tinh").
    expect([...index.search([{ field: 0, terms: ["tinh"], fuzzy: () => 1 }], prior2).docs]).toEqual([1]);
  });

  it("finds nothing for words it does not have, and nothing for no query", () => {
    expect(ours.search([{ field: 0, terms: ["zzzqqq"] }], prior).docs.length).toBe(0);
    expect(ours.search([], prior).docs.length).toBe(0);
  });

  it("counts a word once per field, and a repeated word's frequency", () => {
    const index = new Bm25Index(
      [
        ["a b", "", ""],
        ["a a", "", "a"],
      ],
      { boosts: [1, 1, 1], weights: { fuzzy: 0.45, prefix: 0.3 } },
    );
    const { docs, scores } = index.search([{ field: 0, terms: ["a"] }], new Float64Array([1, 1]));
    // Document 1 says "a" twice in a shorter field (one distinct word): it ranks first.
    expect([...docs]).toEqual([1, 0]);
    expect(scores[0]!).toBeGreaterThan(scores[1]!);
  });
});
