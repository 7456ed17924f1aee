/**
 * The learnt "nothing fits" decision (decision-model.ts), written by `npm run search:fit`: do not
 * edit. Fitted on 7291 labelled questions; in cross-validation by file it turned down
 * 150 of 5864 questions in scope with a right procedure among the first three and let 173 of
 * 1427 out of scope through (the rules alone: 131 and 270).
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
    0.852304, 4.84102, 6.4794, 0.573834, 0.987877, 0.288128, 0.543766, 0.625582, 0.673657, 0.0253698,
    0.678087, 0, 0, 0.000673514, 0, 13.3482, 6.41943, 0.999832, 0.505641, 0.672672, 0.327328, 0.014744,
    0.541717,
  ],
  spread: [
    0.174047, 1.03165, 1.11131, 0.494518, 0.109436, 0.355088, 0.229741, 0.287996, 0.215369, 0.0938087,
    0.148047, 1, 1, 0.0259434, 1, 5.53739, 7.36861, 0.012975, 0.499968, 0.469238, 0.469238, 0.0532269,
    0.285094,
  ],
  weights: [
    0.310832, -0.0764463, 0.0574295, -0.123593, 0.0671786, 0.374219, 0.130191, 0.0651122, 0.143947, -0.491706,
    0.488987, 0, 0, -0.0972562, 0, 0.233228, -0.102551, 0.0834991, -0.00033274, 0.114438, -0.114438,
    -0.383488, 0.110367, 4.34103,
  ],
  threshold: 0.4,
  answerThreshold: 0.85,
};
