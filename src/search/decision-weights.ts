/**
 * The learnt "nothing fits" decision (decision-model.ts), written by `npm run search:fit`: do not
 * edit. Fitted on 7291 labelled questions; in cross-validation by file it turned down
 * 157 of 5864 questions in scope with a right procedure among the first three and let 164 of
 * 1427 out of scope through (the rules alone: 132 and 270).
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
    0.854478, 4.86182, 6.52106, 0.580007, 0.986806, 0.0960757, 0.599613, 0.588698, 0.674186, 0.0254319,
    0.678648, 0, 0, 0.000507442, 0, 13.3412, 6.41576, 0.999831, 0.505413, 0.663904, 0.336096, 0.0147736,
    0.513972,
  ],
  spread: [
    0.171195, 1.02255, 1.04947, 0.493557, 0.114103, 0.318608, 0.21416, 0.319955, 0.215442, 0.0939591,
    0.147915, 1, 1, 0.0225208, 1, 5.53872, 7.35802, 0.0130046, 0.499971, 0.472372, 0.472372, 0.0532893,
    0.308022,
  ],
  weights: [
    0.309084, -0.0604709, 0.072153, -0.109354, 0.0836709, 0.347477, 0.103818, 0.0474375, 0.193073, -0.491034,
    0.52284, 0, 0, -0.106886, 0, 0.228679, -0.0955235, 0.0841944, 0.00897767, 0.141134, -0.141134, -0.392938,
    0.101599, 4.3721,
  ],
  threshold: 0.4,
  answerThreshold: 0.85,
};
