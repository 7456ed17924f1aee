/**
 * Fitting the learnt "nothing fits" decision (decision-model.ts) on the catalogue's labelled
 * questions. Each question is searched by a search that has not learnt its own file (leave one
 * file out), so the vote's signals are those of a question never seen, as in service. A logistic
 * model learns, from those signals, whether a question is about a procedure at all; the threshold
 * is the one with the least cost in cross-validation when the model turns down what the rules
 * would show: questions in scope whose procedure was among the first three but were turned down
 * (each counts TURNED_DOWN_COST), plus questions out of scope that were not, averaged with the
 * neighbouring thresholds' costs.
 */
import {
  type DecisionModel,
  type DecisionSignals,
  decideAt,
  FEATURES,
  featuresOf,
  weighs,
} from "./decision-model.ts";
import { fitLogistic, type LogisticOptions, predict } from "./logistic.ts";
import { foldText } from "./normalize.ts";
import { createSearch } from "./search.ts";
import type { SearchCatalogue } from "./searchable.ts";

/** A labelled question as a search that had not learnt it saw it. */
export interface SignalRow {
  readonly source: string;
  readonly inScope: boolean;
  /** In scope and one of its procedures among the first three weighed. */
  readonly topThree: boolean;
  /** In scope and the first procedure weighed is one of its own. */
  readonly topOne: boolean;
  readonly signals: DecisionSignals;
}

/** How a decision does on the rows: turned-down questions in scope, and out-of-scope ones let through. */
export interface DecisionErrors {
  readonly inScope: number;
  readonly outOfScope: number;
  /** In scope with a right procedure among the first three, but turned down. */
  readonly lostTopThree: number;
  /** Out of scope but shown candidates. */
  readonly letThrough: number;
}

/** Which file each labelled question came from, from the catalogue's runs of questions per file. */
export function sourcesOf(files: readonly { readonly file: string; readonly items: number }[]): string[] {
  return files.flatMap(({ file, items }) => new Array<string>(items).fill(file));
}

/**
 * Searches every labelled question with a search that learnt from the other files only; `sources`
 * names the file of each question, in order.
 */
export function collectSignals(catalogue: SearchCatalogue, sources: readonly string[]): SignalRow[] {
  const questions = catalogue.questions ?? [];
  if (sources.length !== questions.length) throw new Error("every labelled question needs its file");
  const rows: SignalRow[] = [];
  for (const source of [...new Set(sources)].sort()) {
    const own = questions.filter((_, i) => sources[i] === source);
    const texts = new Set(own.map((q) => foldText(q.q)));
    const search = createSearch(
      { ...catalogue, questions: questions.filter((q) => !texts.has(foldText(q.q))) },
      { decisionModel: null },
    );
    for (const q of own) {
      const explained = search.explain(q.q);
      if (explained.signals === undefined) continue;
      const weighed = (explained.weighed ?? []).slice(0, 3);
      rows.push({
        source,
        inScope: q.codes.length > 0,
        topThree: weighed.some((code) => q.codes.includes(code)),
        topOne: q.codes.includes(weighed[0] ?? ""),
        signals: explained.signals,
      });
    }
  }
  return rows;
}

/** Errors of keeping the rows whose `keep` is true. */
export function errorsOf(rows: readonly SignalRow[], keep: (row: SignalRow) => boolean): DecisionErrors {
  let inScope = 0;
  let outOfScope = 0;
  let lostTopThree = 0;
  let letThrough = 0;
  for (const row of rows) {
    const kept = keep(row);
    if (row.inScope) {
      inScope++;
      if (row.topThree && !kept) lostTopThree++;
    } else {
      outOfScope++;
      if (kept) letThrough++;
    }
  }
  return { inScope, outOfScope, lostTopThree, letThrough };
}

/**
 * A question in scope turned down costs the citizen more than a question out of scope shown a few
 * candidates: the first is told nothing fits and sent to the hotline; the second reads a list it can
 * decline ("none of these"). The threshold minimises lost × this + let through.
 */
export const TURNED_DOWN_COST = 2;

const THRESHOLDS = Array.from({ length: 19 }, (_, i) => (i + 1) / 20);

/**
 * The value whose cost, averaged with its two neighbours' (in order), is least; the first on ties.
 * The fit's cost is flat over a wide range (on 11,541 questions it varies by 2 % from 0.2 to 0.6),
 * so the least cost alone moved the threshold by 0.05-0.2 whenever a few hundred questions were
 * added; a lone dip no longer decides it.
 */
export function steadiestLeast(values: readonly number[], costs: readonly number[]): number {
  let best = values[0]!;
  let fewest = Number.POSITIVE_INFINITY;
  values.forEach((value, i) => {
    const near = costs.slice(Math.max(0, i - 1), i + 2);
    const cost = near.reduce((a, b) => a + b, 0) / near.length;
    if (cost < fewest) {
      fewest = cost;
      best = value;
    }
  });
  return best;
}

export interface DecisionFit {
  readonly model: DecisionModel;
  /** Cross-validated: each file's likelihoods from a model fitted on the other files. */
  readonly crossValidated: DecisionErrors;
  /** The rules' own decision on the same rows. */
  readonly rules: DecisionErrors;
}

/**
 * Fits the model on the rows it weighs (those the rules would show candidates for); the threshold
 * is chosen on likelihoods cross-validated by file.
 */
export function fitDecision(rows: readonly SignalRow[], options: LogisticOptions = {}): DecisionFit {
  const weighed = rows.filter((r) => weighs(r.signals));
  const x = weighed.map((r) => featuresOf(r.signals));
  const y = weighed.map((r) => Number(r.inScope));
  const likelihood = new Map<SignalRow, number>();
  for (const source of new Set(weighed.map((r) => r.source))) {
    const train = weighed.flatMap((r, i) => (r.source === source ? [] : [i]));
    const fit = fitLogistic(
      train.map((i) => x[i]!),
      train.map((i) => y[i]!),
      options,
    );
    weighed.forEach((r, i) => {
      if (r.source === source) likelihood.set(r, predict(fit, x[i]!));
    });
  }
  // The decision with trial thresholds, on likelihoods of a model that had not seen the row's file
  // (rows the model does not weigh keep the rules' decision).
  const decisionAt = (r: SignalRow, threshold: number, answerThreshold: number) =>
    decideAt(r.signals, likelihood.get(r) ?? 1, { threshold, answerThreshold });
  const keeps = (t: number) => (r: SignalRow) => decisionAt(r, t, t) !== "none";
  const costs = THRESHOLDS.map((t) => {
    const e = errorsOf(rows, keeps(t));
    return TURNED_DOWN_COST * e.lostTopThree + e.letThrough;
  });
  const threshold = steadiestLeast(THRESHOLDS, costs);
  // The highest answer threshold at which the direct answers it turns into questions are wrong (out of
  // scope, or another procedure first) at least half the time.
  let answerThreshold = threshold;
  for (const t of THRESHOLDS) {
    if (t <= threshold) continue;
    let demoted = 0;
    let wrong = 0;
    for (const r of weighed) {
      if (r.signals.decision !== "answer" || decisionAt(r, threshold, t) !== "clarify") continue;
      demoted++;
      if (!r.topOne) wrong++;
    }
    if (demoted > 0 && wrong * 2 >= demoted) answerThreshold = t;
  }
  const fit = fitLogistic(x, y, options);
  return {
    model: { ...fit, features: FEATURES.map(([name]) => name), threshold, answerThreshold },
    crossValidated: errorsOf(rows, keeps(threshold)),
    rules: errorsOf(rows, (r) => r.signals.decision !== "none"),
  };
}
