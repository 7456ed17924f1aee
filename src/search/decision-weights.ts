/**
 * The learnt "nothing fits" decision (decision-model.ts), written by `npm run search:fit`: do not
 * edit. Fitted on 8216 labelled questions; in cross-validation by file it turned down
 * 184 of 6630 questions in scope with a right procedure among the first three and let 184 of
 * 1586 out of scope through (the rules alone: 165 and 308).
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
    0.847619, 4.85594, 6.44851, 0.581889, 0.987896, 0.279219, 0.546856, 0.628395, 0.677393, 0.0257763,
    0.675133, 0, 0, 0.000747161, 0, 13.7088, 6.84803, 0.999851, 0.51838, 0.663778, 0.336222, 0.014918,
    0.541363,
  ],
  spread: [
    0.175599, 1.02959, 1.15487, 0.493249, 0.10935, 0.354229, 0.229603, 0.287483, 0.213496, 0.0936034,
    0.145473, 1, 1, 0.027324, 1, 5.47424, 7.41219, 0.0122233, 0.499662, 0.472416, 0.472416, 0.0531802,
    0.283757,
  ],
  weights: [
    0.374013, -0.124635, 0.122852, -0.0598704, 0.0807141, 0.413814, 0.104615, 0.0814956, 0.205609, -0.476741,
    0.464895, 0, 0, -0.109489, 0, 0.170819, -0.0644863, 0.0789663, 0.01064, 0.0784849, -0.0784849, -0.38089,
    0.111383, 4.43853,
  ],
  threshold: 0.45,
  answerThreshold: 0.8,
};
