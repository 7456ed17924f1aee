/**
 * The bounded re-rank (fuse.js only for candidates that can reach the shown places) must give
 * exactly what re-ranking every candidate gives: same decision, answer, candidates and scores.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadCatalogue } from "../../src/catalogue/load.ts";
import { createSearch, type ExplainedSearch } from "../../src/search/search.ts";
import { queryText, readQuerySet } from "./evaluate.ts";

let bounded: ExplainedSearch;
let exhaustive: ExplainedSearch;

beforeAll(async () => {
  const catalogue = await loadCatalogue("procedures");
  bounded = createSearch(catalogue);
  exhaustive = createSearch(catalogue, { exhaustiveRerank: true });
}, 120_000);

describe("bounded re-rank", () => {
  it("answers every labelled query exactly as the exhaustive re-rank", () => {
    const queries = [
      "test/search/eval-set.yaml",
      "procedures/questions/dev.yaml",
      "test/search/fresh-set.yaml",
    ].flatMap((file) => readQuerySet(file).map(queryText));
    // Longer questions too: several words beyond Bitap's 32-character piece.
    queries.push(
      ...queries.slice(0, 200).map((q) => `ad ơi cho em hỏi ${q} thì cần những giấy tờ gì và mất bao lâu ạ`),
    );
    const differ = queries.filter(
      (q) => JSON.stringify(bounded.search(q)) !== JSON.stringify(exhaustive.search(q)),
    );
    expect(queries.length).toBeGreaterThan(800);
    expect(differ).toEqual([]);
  }, 60_000);
});
