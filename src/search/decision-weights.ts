/**
 * The learnt "nothing fits" decision (decision-model.ts), written by `npm run search:fit`: do not
 * edit. Fitted on 9138 labelled questions; in cross-validation by file it turned down
 * 223 of 7258 questions in scope with a right procedure among the first three and let 206 of
 * 1880 out of scope through (the rules alone: 184 and 356).
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
    0.842344, 4.85355, 6.39521, 0.572864, 0.98832, 0.000814151, 0.531115, 0.648347, 0.681694, 0.0265089,
    0.677274, 0, 0, 0.000950699, 0, 14.05, 7.20725, 0.999864, 0.527367, 0.658427, 0.341573, 0.0153893,
    0.554083,
  ],
  spread: [
    0.178014, 1.03876, 1.24044, 0.494662, 0.107441, 0.367361, 0.22848, 0.267546, 0.211229, 0.0950749,
    0.142065, 1, 1, 0.0308188, 1, 5.42472, 7.4307, 0.0116531, 0.499251, 0.474237, 0.474237, 0.0543814,
    0.269888,
  ],
  weights: [
    0.400216, -0.11294, 0.0692581, -0.0699896, 0.0533942, 0.389717, 0.151821, 0.0694822, 0.131225, -0.424091,
    0.499335, 0, 0, -0.115211, 0, 0.127786, -0.0649406, 0.0766464, 0.0561711, 0.0799244, -0.0799244,
    -0.388089, 0.133306, 4.29874,
  ],
  threshold: 0.55,
  answerThreshold: 0.55,
};
