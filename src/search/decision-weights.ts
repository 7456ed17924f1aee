/**
 * The learnt "nothing fits" decision (decision-model.ts), written by `npm run search:fit`: do not
 * edit. Fitted on 11541 labelled questions; in cross-validation by file it turned down
 * 296 of 9414 questions in scope with a right procedure among the first three and let 254 of
 * 2127 out of scope through (the rules alone: 264 and 386).
 */
import type { DecisionModel } from "./decision-model.ts";

export const DECISION_WEIGHTS: DecisionModel = {
  features: [
    "coverage",
    "specificity",
    "phrase",
    "vocabulary",
    "citizen",
    "log top",
    "second / top",
    "top share",
    "best share",
    "vote none",
    "nearness",
    "off topic",
    "voted none",
    "unexplained",
    "fallback",
    "words",
    "story",
    "names something",
    "aspect",
    "rules answer",
    "rules ask",
    "nearness × vote none",
    "coverage × top share",
  ],
  mean: [
    0.834945, 4.83654, 6.3294, 0.564385, 0.987726, 0.00669825, 0.528993, 0.660139, 0.690228, 0.0223968,
    0.685294, 0, 0, 0.00105809, 0, 14.0068, 7.15818, 0.999894, 0.530632, 0.640567, 0.359433, 0.0131257,
    0.558355,
  ],
  spread: [
    0.185025, 1.04223, 1.34278, 0.495837, 0.110105, 0.361825, 0.227606, 0.25797, 0.206445, 0.0868635,
    0.139344, 1, 1, 0.0325111, 1, 5.40633, 7.41477, 0.0102858, 0.499061, 0.479834, 0.479834, 0.0501494,
    0.263376,
  ],
  weights: [
    0.336878, -0.107397, 0.050391, -0.0458844, 0.0400479, 0.353625, 0.10656, 0.0674728, 0.165758, -0.362341,
    0.517545, 0, 0, -0.0886259, 0, 0.158927, -0.0377594, 0.0667287, 0.087156, 0.0813584, -0.0813584,
    -0.377805, 0.107482, 4.41279,
  ],
  threshold: 0.5,
  answerThreshold: 0.65,
};
