/**
 * The learnt "nothing fits" decision (decision-model.ts), written by `npm run search:fit`: do not
 * edit. Fitted on 5423 labelled questions; in cross-validation by file it turned down
 * 117 of 4312 questions in scope with a right procedure among the first three and let 158 of
 * 1111 out of scope through (the rules alone: 109 and 208).
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
    0.871981, 4.87669, 6.5524, 0.599815, 0.985444, 0.112625, 0.594917, 0.577462, 0.656629, 0.0293536,
    0.666357, 0, 0, 0.000693161, 0, 12.7484, 5.87754, 0.999769, 0.444316, 0.690157, 0.309843, 0.0164299,
    0.512662,
  ],
  spread: [
    0.162422, 1.02392, 1.00386, 0.489936, 0.119768, 0.317246, 0.213299, 0.329029, 0.230441, 0.0983711,
    0.159424, 1, 1, 0.0263188, 1, 5.61654, 7.03801, 0.0151987, 0.49689, 0.462429, 0.462429, 0.0543414,
    0.317794,
  ],
  weights: [
    0.346702, -0.0614783, 0.14609, -0.142977, 0.0669901, 0.372612, 0.081017, 0.0549814, 0.143782, -0.369811,
    0.303874, 0, 0, -0.112245, 0, 0.313895, -0.150321, 0.0992907, -0.0790181, 0.161885, -0.161885, -0.420321,
    0.103189, 4.16862,
  ],
  threshold: 0.3,
};
