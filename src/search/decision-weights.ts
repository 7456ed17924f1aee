/**
 * The learnt "nothing fits" decision (decision-model.ts), written by `npm run search:fit`: do not
 * edit. Fitted on 5423 labelled questions; in cross-validation by file it turned down
 * 104 of 4312 questions in scope with a right procedure among the first three and let 159 of
 * 1111 out of scope through (the rules alone: 95 and 208).
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
    0.870216, 4.87444, 6.54259, 0.599034, 0.985507, 0.112148, 0.595915, 0.57522, 0.656465, 0.0292253,
    0.666224, 0, 0, 0.000690131, 0, 12.7479, 5.87026, 0.99977, 0.443294, 0.687141, 0.312859, 0.016358,
    0.510544,
  ],
  spread: [
    0.164498, 1.02383, 1.021, 0.490094, 0.11951, 0.316987, 0.213527, 0.330128, 0.230174, 0.098175, 0.159193,
    1, 1, 0.0262613, 1, 5.613, 7.03569, 0.0151654, 0.496774, 0.463658, 0.463658, 0.0542333, 0.318723,
  ],
  weights: [
    0.33034, -0.0606903, 0.133449, -0.142824, 0.0675151, 0.375824, 0.0819377, 0.0384284, 0.154105, -0.370463,
    0.309714, 0, 0, -0.111802, 0, 0.31273, -0.148986, 0.0989724, -0.0836252, 0.166597, -0.166597, -0.420757,
    0.0992892, 4.16515,
  ],
  threshold: 0.3,
};
