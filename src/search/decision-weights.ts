/**
 * The learnt "nothing fits" decision (decision-model.ts), written by `npm run search:fit`: do not
 * edit. Fitted on 6365 labelled questions; in cross-validation by file it turned down
 * 121 of 5090 questions in scope with a right procedure among the first three and let 178 of
 * 1275 out of scope through (the rules alone: 107 and 240).
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
    0.860289, 4.87925, 6.54049, 0.60708, 0.985995, 0.116957, 0.590288, 0.602143, 0.681676, 0.0281026,
    0.677177, 0, 0, 0.000583544, 0, 12.9043, 6.11982, 0.999805, 0.484147, 0.67555, 0.32445, 0.0159814,
    0.527766,
  ],
  spread: [
    0.169228, 1.01395, 1.02796, 0.488399, 0.117511, 0.317197, 0.212612, 0.324823, 0.223022, 0.0991316,
    0.155933, 1, 1, 0.0241496, 1, 5.62003, 7.37125, 0.0139455, 0.499749, 0.468169, 0.468169, 0.0549972,
    0.313588,
  ],
  weights: [
    0.374946, -0.0723427, 0.0959858, -0.152555, 0.0204221, 0.378655, 0.0553608, 0.0175929, 0.176815,
    -0.413899, 0.359897, 0, 0, -0.115333, 0, 0.233072, -0.104163, 0.0912226, -0.0419699, 0.0941036,
    -0.0941036, -0.461823, 0.0949898, 4.24422,
  ],
  threshold: 0.25,
  answerThreshold: 0.85,
};
