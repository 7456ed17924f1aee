/**
 * The held-out evaluation of the search on the real catalogue (issue 3): prints top-1, top-3,
 * MRR@5 and out-of-scope rejection per style and overall, and fails below top-1 0.90, top-3 0.97
 * or rejection 0.90.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Catalogue } from "../../src/catalogue/catalogue.ts";
import { loadCatalogue } from "../../src/catalogue/load.ts";
import { foldText } from "../../src/search/normalize.ts";
import { createSearch } from "../../src/search/search.ts";
import type { ProcedureSearch } from "../../src/search/types.ts";
import { type EvalItem, type Evaluation, evaluate, formatEvaluation, readQuerySet } from "./evaluate.ts";

let catalogue: Catalogue;
let search: ProcedureSearch;
let items: EvalItem[];

beforeAll(async () => {
  catalogue = await loadCatalogue("procedures");
  search = createSearch(catalogue);
  items = readQuerySet("test/search/eval-set.yaml");
}, 120_000);

/**
 * The search learns from the catalogue's labelled questions (procedures/questions/, examples.ts).
 * A set is scored by a search that has not learnt any of its own questions: those with the same
 * folded text (a short question such as "dang ky khai sinh" is in several sets) are left out, and
 * for a tuning set in procedures/questions/ that is the whole file. So every figure is one on
 * questions the vote has not seen.
 */
function searchFor(set: readonly EvalItem[]): { search: ProcedureSearch; note: string } {
  const own = new Set(set.map((i) => foldText(i.q)));
  const questions = catalogue.questions.filter((q) => !own.has(foldText(q.q)));
  const left = catalogue.questions.length - questions.length;
  const note = `learnt from ${questions.length} labelled questions, ${left} of the set's own left out`;
  return left === 0 ? { search, note } : { search: createSearch({ ...catalogue, questions }), note };
}

const printMisses = (e: Evaluation) =>
  console.log(`misses:\n${e.misses.map((m) => `  [${m.style}] ${m.q} → ${m.got ?? "none"}`).join("\n")}`);

/**
 * Evaluates one query set (a path from the repository: the measurement sets in test/search/, the
 * tuning sets in procedures/questions/), checks it holds at least `size` questions in and out of
 * scope, and prints its figures; its misses only when `showMisses` (held-out sets: only on request).
 */
function report(
  file: string,
  title: string,
  size: { inScope: number; outOfScope: number },
  showMisses: boolean,
): void {
  const set = readQuerySet(file);
  expect(set.filter((i) => i.codes.length > 0).length).toBeGreaterThanOrEqual(size.inScope);
  expect(set.filter((i) => i.codes.length === 0).length).toBeGreaterThanOrEqual(size.outOfScope);
  const fit = searchFor(set);
  const e = evaluate(fit.search, set);
  console.log(`\nSearch ${title} (${file}; ${fit.note})\n${formatEvaluation(e)}`);
  if (showMisses) printMisses(e);
}

/** Misses of a held-out or tuning set are printed only when its variable is set to 1. */
const asked = (variable: string) => process.env[variable] === "1";

describe("search evaluation set", () => {
  it("has at least 250 queries, 40 of them out of scope, each with a style", () => {
    expect(items.length).toBeGreaterThanOrEqual(250);
    expect(items.filter((i) => i.codes.length === 0).length).toBeGreaterThanOrEqual(40);
  });

  it("meets top-1 0.90, top-3 0.97 and out-of-scope rejection 0.90", () => {
    const fit = searchFor(items);
    const e = evaluate(fit.search, items);
    console.log(`\nSearch evaluation (test/search/eval-set.yaml; ${fit.note})\n${formatEvaluation(e)}`);
    printMisses(e);
    expect(e.inScope.top1).toBeGreaterThanOrEqual(0.9);
    expect(e.inScope.top3).toBeGreaterThanOrEqual(0.97);
    expect(e.outOfScope.rejected).toBeGreaterThanOrEqual(0.9);
  }, 60_000);

  it("reports the fresh held-out set (unseen questions; no threshold, the honest generalisation figure)", () => {
    const fresh = readQuerySet("test/search/fresh-set.yaml");
    expect(fresh.length).toBeGreaterThanOrEqual(150);
    expect(fresh.filter((i) => i.codes.length === 0).length).toBeGreaterThanOrEqual(30);
    const fit = searchFor(fresh);
    const e = evaluate(fit.search, fresh);
    console.log(
      `\nSearch fresh held-out set (test/search/fresh-set.yaml; ${fit.note})\n${formatEvaluation(e)}`,
    );
    printMisses(e);
  }, 60_000);

  it("reports the held-out set written before tuning (figures only: its misses are not printed, so nobody tunes on them)", () => {
    report("test/search/holdout-set.yaml", "held-out set", { inScope: 150, outOfScope: 40 }, false);
  }, 60_000);

  it("reports the second held-out set, written by an independent writer (figures only, like holdout-set)", () => {
    // Misses are printed only on request, for the writer's one report of the error classes; reading
    // them while changing the search would turn a held-out set into tuning data.
    report(
      "test/search/holdout-2-set.yaml",
      "second held-out set",
      { inScope: 215, outOfScope: 45 },
      asked("HOLDOUT2_MISSES"),
    );
  }, 60_000);

  it("reports the third held-out set, written by a third independent writer before any run (figures only)", () => {
    report(
      "test/search/holdout-3-set.yaml",
      "third held-out set",
      { inScope: 380, outOfScope: 50 },
      asked("HOLDOUT3_MISSES"),
    );
  }, 60_000);

  it("reports the fourth held-out set, written by a fourth independent writer before any run (figures only)", () => {
    report(
      "test/search/holdout-4-set.yaml",
      "fourth held-out set",
      { inScope: 400, outOfScope: 60 },
      asked("HOLDOUT4_MISSES"),
    );
  }, 60_000);

  it("reports the fifth held-out set, written by a fifth independent writer before any run (figures only)", () => {
    report(
      "test/search/holdout-5-set.yaml",
      "fifth held-out set",
      { inScope: 300, outOfScope: 50 },
      asked("HOLDOUT5_MISSES"),
    );
  }, 60_000);

  it("reports the sixth held-out set, written by a sixth independent writer before any run (figures only)", () => {
    report(
      "test/search/holdout-6-set.yaml",
      "sixth held-out set",
      { inScope: 400, outOfScope: 70 },
      asked("HOLDOUT6_MISSES"),
    );
  }, 60_000);

  it("reports the seventh held-out set, written by a seventh independent writer before any run (figures only)", () => {
    report(
      "test/search/holdout-7-set.yaml",
      "seventh held-out set",
      { inScope: 300, outOfScope: 50 },
      asked("HOLDOUT7_MISSES"),
    );
  }, 60_000);

  it("reports the dev set used for tuning (no threshold: it is the tuning data)", () => {
    const dev = readQuerySet("procedures/questions/dev.yaml");
    const fit = searchFor(dev);
    const e = evaluate(fit.search, dev);
    console.log(`\nSearch dev set (procedures/questions/dev.yaml; ${fit.note})\n${formatEvaluation(e)}`);
    expect(e.inScope.n + e.outOfScope.n).toBeGreaterThan(0);
  }, 60_000);

  it("reports the train-3 set used for tuning in the third round (no threshold: it is tuning data)", () => {
    report(
      "procedures/questions/train-3.yaml",
      "train-3 set",
      { inScope: 120, outOfScope: 30 },
      asked("TRAIN3_MISSES"),
    );
  }, 60_000);

  it("reports the train-4 set used for tuning in the fourth round (no threshold: it is tuning data)", () => {
    report(
      "procedures/questions/train-4.yaml",
      "train-4 set",
      { inScope: 80, outOfScope: 20 },
      asked("TRAIN4_MISSES"),
    );
  }, 60_000);

  it("reports the train-5 set used for tuning in the fifth round (no threshold: it is tuning data)", () => {
    report(
      "procedures/questions/train-5.yaml",
      "train-5 set",
      { inScope: 120, outOfScope: 30 },
      asked("TRAIN5_MISSES"),
    );
  }, 60_000);

  it("reports the train-6 set used for tuning in the sixth round (no threshold: it is tuning data)", () => {
    report(
      "procedures/questions/train-6.yaml",
      "train-6 set",
      { inScope: 55, outOfScope: 10 },
      asked("TRAIN6_MISSES"),
    );
  }, 60_000);

  it("reports the train-7 set used for tuning in the seventh round (no threshold: it is tuning data)", () => {
    report(
      "procedures/questions/train-7.yaml",
      "train-7 set",
      { inScope: 150, outOfScope: 40 },
      asked("TRAIN7_MISSES"),
    );
  }, 60_000);

  it("reports the train-8 set used for tuning in the eighth round (no threshold: it is tuning data)", () => {
    report(
      "procedures/questions/train-8.yaml",
      "train-8 set",
      { inScope: 150, outOfScope: 40 },
      asked("TRAIN8_MISSES"),
    );
  }, 60_000);

  it("reports the train-9 set used for tuning in the ninth round (no threshold: it is tuning data)", () => {
    report(
      "procedures/questions/train-9.yaml",
      "train-9 set",
      { inScope: 45, outOfScope: 95 },
      asked("TRAIN9_MISSES"),
    );
  }, 60_000);

  // Written to teach the search (labelled questions), never to tune rules: scored without themselves.
  it.each([
    ["train-10", { inScope: 450, outOfScope: 55 }],
    ["train-11", { inScope: 440, outOfScope: 75 }],
    ["train-12", { inScope: 400, outOfScope: 75 }],
    ["train-13", { inScope: 380, outOfScope: 35 }],
    ["train-14", { inScope: 270, outOfScope: 200 }],
    ["train-15", { inScope: 320, outOfScope: 65 }],
    ["train-16", { inScope: 360, outOfScope: 95 }],
    ["train-17", { inScope: 330, outOfScope: 80 }],
    ["train-18", { inScope: 310, outOfScope: 80 }],
    ["train-19", { inScope: 380, outOfScope: 80 }],
    ["train-20", { inScope: 380, outOfScope: 80 }],
    ["train-21", { inScope: 370, outOfScope: 80 }],
    ["train-22", { inScope: 390, outOfScope: 70 }],
    ["train-23", { inScope: 360, outOfScope: 80 }],
    ["train-24", { inScope: 390, outOfScope: 70 }],
    ["train-25", { inScope: 420, outOfScope: 40 }],
    ["train-26", { inScope: 195, outOfScope: 245 }],
    ["train-27", { inScope: 350, outOfScope: 40 }],
    ["train-28", { inScope: 310, outOfScope: 30 }],
    ["train-29", { inScope: 300, outOfScope: 30 }],
    ["train-30", { inScope: 295, outOfScope: 30 }],
    ["train-31", { inScope: 300, outOfScope: 30 }],
    ["train-32", { inScope: 265, outOfScope: 45 }],
    ["train-33", { inScope: 290, outOfScope: 25 }],
  ] as const)(
    "reports the %s labelled questions, scored by a search that has not learnt them",
    (name, size) => {
      report(
        `procedures/questions/${name}.yaml`,
        `${name} set`,
        size,
        asked(`${name.replace("-", "").toUpperCase()}_MISSES`),
      );
    },
    60_000,
  );
});
