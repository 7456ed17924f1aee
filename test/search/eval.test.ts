/**
 * The held-out evaluation of the search on the real catalogue (issue 3): prints top-1, top-3,
 * MRR@5 and out-of-scope rejection per style and overall, and fails below top-1 0.90, top-3 0.97
 * or rejection 0.90.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadCatalogue } from "../../src/catalogue/load.ts";
import { createSearch } from "../../src/search/search.ts";
import type { ProcedureSearch } from "../../src/search/types.ts";
import { type EvalItem, evaluate, formatEvaluation, readQuerySet } from "./evaluate.ts";

let search: ProcedureSearch;
let items: EvalItem[];

beforeAll(async () => {
  search = createSearch(await loadCatalogue("procedures"));
  items = readQuerySet("test/search/eval-set.yaml");
}, 120_000);

describe("search evaluation set", () => {
  it("has at least 250 queries, 40 of them out of scope, each with a style", () => {
    expect(items.length).toBeGreaterThanOrEqual(250);
    expect(items.filter((i) => i.codes.length === 0).length).toBeGreaterThanOrEqual(40);
  });

  it("meets top-1 0.90, top-3 0.97 and out-of-scope rejection 0.90", () => {
    const e = evaluate(search, items);
    console.log(`\nSearch evaluation (test/search/eval-set.yaml)\n${formatEvaluation(e)}`);
    console.log(`misses:\n${e.misses.map((m) => `  [${m.style}] ${m.q} → ${m.got ?? "none"}`).join("\n")}`);
    expect(e.inScope.top1).toBeGreaterThanOrEqual(0.9);
    expect(e.inScope.top3).toBeGreaterThanOrEqual(0.97);
    expect(e.outOfScope.rejected).toBeGreaterThanOrEqual(0.9);
  }, 60_000);

  it("reports the fresh held-out set (unseen questions; no threshold, the honest generalisation figure)", () => {
    const fresh = readQuerySet("test/search/fresh-set.yaml");
    expect(fresh.length).toBeGreaterThanOrEqual(150);
    expect(fresh.filter((i) => i.codes.length === 0).length).toBeGreaterThanOrEqual(30);
    const e = evaluate(search, fresh);
    console.log(`\nSearch fresh held-out set (test/search/fresh-set.yaml)\n${formatEvaluation(e)}`);
    console.log(`misses:\n${e.misses.map((m) => `  [${m.style}] ${m.q} → ${m.got ?? "none"}`).join("\n")}`);
  }, 60_000);

  it("reports the held-out set written before tuning (figures only: its misses are not printed, so nobody tunes on them)", () => {
    const holdout = readQuerySet("test/search/holdout-set.yaml");
    expect(holdout.filter((i) => i.codes.length > 0).length).toBeGreaterThanOrEqual(150);
    expect(holdout.filter((i) => i.codes.length === 0).length).toBeGreaterThanOrEqual(40);
    const e = evaluate(search, holdout);
    console.log(`\nSearch held-out set (test/search/holdout-set.yaml)\n${formatEvaluation(e)}`);
  }, 60_000);

  it("reports the second held-out set, written by an independent writer (figures only, like holdout-set)", () => {
    const holdout2 = readQuerySet("test/search/holdout-2-set.yaml");
    expect(holdout2.filter((i) => i.codes.length > 0).length).toBeGreaterThanOrEqual(215);
    expect(holdout2.filter((i) => i.codes.length === 0).length).toBeGreaterThanOrEqual(45);
    const e = evaluate(search, holdout2);
    console.log(`\nSearch second held-out set (test/search/holdout-2-set.yaml)\n${formatEvaluation(e)}`);
    // Misses are printed only on request (HOLDOUT2_MISSES=1), for the writer's one report of the error
    // classes; reading them while changing the search would turn this set into tuning data.
    if (process.env.HOLDOUT2_MISSES === "1")
      console.log(`misses:\n${e.misses.map((m) => `  [${m.style}] ${m.q} → ${m.got ?? "none"}`).join("\n")}`);
  }, 60_000);

  it("reports the third held-out set, written by a third independent writer before any run (figures only)", () => {
    const holdout3 = readQuerySet("test/search/holdout-3-set.yaml");
    expect(holdout3.filter((i) => i.codes.length > 0).length).toBeGreaterThanOrEqual(380);
    expect(holdout3.filter((i) => i.codes.length === 0).length).toBeGreaterThanOrEqual(50);
    const e = evaluate(search, holdout3);
    console.log(`\nSearch third held-out set (test/search/holdout-3-set.yaml)\n${formatEvaluation(e)}`);
    // Misses are printed only on request (HOLDOUT3_MISSES=1), for the writer's one check of its labels
    // and one report of the error classes; reading them while changing the search would make it tuning data.
    if (process.env.HOLDOUT3_MISSES === "1")
      console.log(`misses:\n${e.misses.map((m) => `  [${m.style}] ${m.q} → ${m.got ?? "none"}`).join("\n")}`);
  }, 60_000);

  it("reports the fourth held-out set, written by a fourth independent writer before any run (figures only)", () => {
    const holdout4 = readQuerySet("test/search/holdout-4-set.yaml");
    expect(holdout4.filter((i) => i.codes.length > 0).length).toBeGreaterThanOrEqual(400);
    expect(holdout4.filter((i) => i.codes.length === 0).length).toBeGreaterThanOrEqual(60);
    const e = evaluate(search, holdout4);
    console.log(`\nSearch fourth held-out set (test/search/holdout-4-set.yaml)\n${formatEvaluation(e)}`);
    // Misses are printed only on request (HOLDOUT4_MISSES=1), for the writer's one check of its labels
    // and one report of the error classes; reading them while changing the search would make it tuning data.
    if (process.env.HOLDOUT4_MISSES === "1")
      console.log(`misses:\n${e.misses.map((m) => `  [${m.style}] ${m.q} → ${m.got ?? "none"}`).join("\n")}`);
  }, 60_000);

  it("reports the dev set used for tuning (no threshold: it is the tuning data)", () => {
    const e = evaluate(search, readQuerySet("test/search/dev-set.yaml"));
    console.log(`\nSearch dev set (test/search/dev-set.yaml)\n${formatEvaluation(e)}`);
    expect(e.inScope.n + e.outOfScope.n).toBeGreaterThan(0);
  }, 60_000);

  it("reports the train-3 set used for tuning in the third round (no threshold: it is tuning data)", () => {
    const train3 = readQuerySet("test/search/train-3-set.yaml");
    expect(train3.filter((i) => i.codes.length > 0).length).toBeGreaterThanOrEqual(120);
    expect(train3.filter((i) => i.codes.length === 0).length).toBeGreaterThanOrEqual(30);
    const e = evaluate(search, train3);
    console.log(`\nSearch train-3 set (test/search/train-3-set.yaml)\n${formatEvaluation(e)}`);
    if (process.env.TRAIN3_MISSES === "1")
      console.log(`misses:\n${e.misses.map((m) => `  [${m.style}] ${m.q} → ${m.got ?? "none"}`).join("\n")}`);
  }, 60_000);

  it("reports the train-4 set used for tuning in the fourth round (no threshold: it is tuning data)", () => {
    const train4 = readQuerySet("test/search/train-4-set.yaml");
    expect(train4.filter((i) => i.codes.length > 0).length).toBeGreaterThanOrEqual(80);
    expect(train4.filter((i) => i.codes.length === 0).length).toBeGreaterThanOrEqual(20);
    const e = evaluate(search, train4);
    console.log(`\nSearch train-4 set (test/search/train-4-set.yaml)\n${formatEvaluation(e)}`);
    if (process.env.TRAIN4_MISSES === "1")
      console.log(`misses:\n${e.misses.map((m) => `  [${m.style}] ${m.q} → ${m.got ?? "none"}`).join("\n")}`);
  }, 60_000);

  it("reports the train-5 set used for tuning in the fifth round (no threshold: it is tuning data)", () => {
    const train5 = readQuerySet("test/search/train-5-set.yaml");
    expect(train5.filter((i) => i.codes.length > 0).length).toBeGreaterThanOrEqual(120);
    expect(train5.filter((i) => i.codes.length === 0).length).toBeGreaterThanOrEqual(30);
    const e = evaluate(search, train5);
    console.log(`\nSearch train-5 set (test/search/train-5-set.yaml)\n${formatEvaluation(e)}`);
    if (process.env.TRAIN5_MISSES === "1")
      console.log(`misses:\n${e.misses.map((m) => `  [${m.style}] ${m.q} → ${m.got ?? "none"}`).join("\n")}`);
  }, 60_000);

  it("reports the train-6 set used for tuning in the sixth round (no threshold: it is tuning data)", () => {
    const train6 = readQuerySet("test/search/train-6-set.yaml");
    expect(train6.filter((i) => i.codes.length > 0).length).toBeGreaterThanOrEqual(55);
    expect(train6.filter((i) => i.codes.length === 0).length).toBeGreaterThanOrEqual(10);
    const e = evaluate(search, train6);
    console.log(`\nSearch train-6 set (test/search/train-6-set.yaml)\n${formatEvaluation(e)}`);
    if (process.env.TRAIN6_MISSES === "1")
      console.log(`misses:\n${e.misses.map((m) => `  [${m.style}] ${m.q} → ${m.got ?? "none"}`).join("\n")}`);
  }, 60_000);
});
