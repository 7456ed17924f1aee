/**
 * `npm run search:fit`: refits the learnt "nothing fits" decision (decision-model.ts) on the
 * catalogue's labelled questions and writes it to src/search/decision-weights.ts. Run it after
 * adding many labelled questions or changing how the search scores; it prints the cross-validated
 * errors of the rules alone and of the model, so a refit that does worse is seen before it is kept.
 *
 *   npm run search:fit [-- --catalogue procedures] [-- --dry-run]
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadCatalogue } from "../catalogue/load.ts";
import { collectSignals, type DecisionErrors, fitDecision, sourcesOf } from "./fit-decision.ts";
import { searchCatalogue } from "./searchable.ts";

const { values } = parseArgs({
  options: {
    catalogue: { type: "string", default: "procedures" },
    "dry-run": { type: "boolean", default: false },
  },
});
const catalogue = await loadCatalogue(values.catalogue);
const started = performance.now();
const rows = collectSignals(
  searchCatalogue(catalogue.procedures, catalogue.questions),
  sourcesOf(catalogue.questionFiles ?? []),
);
const fit = fitDecision(rows);
const seconds = ((performance.now() - started) / 1000).toFixed(1);

const share = (n: number, of: number) => (of === 0 ? "—" : (n / of).toFixed(3));
const line = (name: string, e: DecisionErrors) =>
  `${name}: ${e.lostTopThree} of ${e.inScope} in scope turned down with a right procedure in the first three (${share(e.lostTopThree, e.inScope)}), ` +
  `${e.outOfScope - e.letThrough} of ${e.outOfScope} out of scope rejected (${share(e.outOfScope - e.letThrough, e.outOfScope)})`;
console.log(`${rows.length} labelled questions searched without their own file in ${seconds} s`);
console.log(line("rules alone", fit.rules));
console.log(line(`model, threshold ${fit.model.threshold}`, fit.crossValidated));
console.log(`direct answers the model gives less than ${fit.model.answerThreshold} are asked about instead`);

if (!values["dry-run"]) {
  const target = fileURLToPath(new URL("./decision-weights.ts", import.meta.url));
  const round = (xs: readonly number[]) => xs.map((x) => Number(x.toPrecision(6)));
  const source = `/**
 * The learnt "nothing fits" decision (decision-model.ts), written by \`npm run search:fit\`: do not
 * edit. Fitted on ${rows.length} labelled questions; in cross-validation by file it turned down
 * ${fit.crossValidated.lostTopThree} of ${fit.crossValidated.inScope} questions in scope with a right procedure among the first three and let ${fit.crossValidated.letThrough} of
 * ${fit.crossValidated.outOfScope} out of scope through (the rules alone: ${fit.rules.lostTopThree} and ${fit.rules.letThrough}).
 */
import type { DecisionModel } from "./decision-model.ts";

export const DECISION_WEIGHTS: DecisionModel = ${JSON.stringify({
    features: fit.model.features,
    mean: round(fit.model.mean),
    spread: round(fit.model.spread),
    weights: round(fit.model.weights),
    threshold: fit.model.threshold,
    answerThreshold: fit.model.answerThreshold,
  })};
`;
  writeFileSync(target, source);
  execFileSync("npx", ["biome", "format", "--write", target], { stdio: "ignore" });
  console.log(`written to ${target}`);
}
