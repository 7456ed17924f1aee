/**
 * The learnt "nothing fits" decision (decision-model.ts), written by `npm run search:fit`: do not
 * edit. Fitted on 10895 labelled questions; in cross-validation by file it turned down
 * 254 of 8844 questions in scope with a right procedure among the first three and let 235 of
 * 2051 out of scope through (the rules alone: 220 and 371).
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
    0.839778, 4.8338, 6.38044, 0.563655, 0.988243, 0.0150532, 0.528091, 0.66119, 0.69097, 0.0229245, 0.69018,
    0, 0, 0.0011197, 0, 13.812, 6.92711, 0.999888, 0.522114, 0.651439, 0.348561, 0.0134878, 0.562568,
  ],
  spread: [
    0.181457, 1.04083, 1.24459, 0.495932, 0.10779, 0.361106, 0.227957, 0.258441, 0.207344, 0.0874928,
    0.139675, 1, 1, 0.0334431, 1, 5.43735, 7.39269, 0.010581, 0.499511, 0.476515, 0.476515, 0.0507901,
    0.26357,
  ],
  weights: [
    0.350239, -0.0856764, 0.0507932, -0.0752827, 0.0379554, 0.36586, 0.127627, 0.0729237, 0.143245, -0.387272,
    0.518221, 0, 0, -0.0878912, 0, 0.122423, -0.0479319, 0.0698686, 0.0790292, 0.0896641, -0.0896641,
    -0.360574, 0.112035, 4.4233,
  ],
  threshold: 0.5,
  answerThreshold: 0.6,
};
