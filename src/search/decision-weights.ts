/**
 * The learnt "nothing fits" decision (decision-model.ts), written by `npm run search:fit`: do not
 * edit. Fitted on 9887 labelled questions; in cross-validation by file it turned down
 * 231 of 7934 questions in scope with a right procedure among the first three and let 224 of
 * 1953 out of scope through (the rules alone: 194 and 367).
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
    0.847135, 4.8203, 6.3934, 0.553345, 0.988187, 0.00822563, 0.533244, 0.650778, 0.681639, 0.0250756,
    0.688282, 0, 0, 0.000994777, 0, 13.6663, 6.86658, 0.999876, 0.507336, 0.664014, 0.335986, 0.01468,
    0.559271,
  ],
  spread: [
    0.178135, 1.04888, 1.22506, 0.497146, 0.108044, 0.364945, 0.229158, 0.262611, 0.211136, 0.0925947,
    0.142555, 1, 1, 0.0315244, 1, 5.54447, 7.50313, 0.0111504, 0.499946, 0.472334, 0.472334, 0.053435,
    0.266792,
  ],
  weights: [
    0.37977, -0.109472, 0.0645549, -0.060699, 0.0533398, 0.377743, 0.15189, 0.0815844, 0.113657, -0.413641,
    0.520177, 0, 0, -0.0898216, 0, 0.117511, -0.0497878, 0.0725968, 0.0486988, 0.0810944, -0.0810944,
    -0.377664, 0.135118, 4.36191,
  ],
  threshold: 0.5,
  answerThreshold: 0.55,
};
