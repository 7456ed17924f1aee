import { describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLDS, decide } from "../../src/search/confidence.ts";

const strong = { coverage: 1, specificity: 6, phrase: 7, citizen: true, top: 1, second: 0.5 };

describe("confidence", () => {
  it("answers a full, specific match with a clear lead", () => {
    expect(decide(strong)).toBe("answer");
  });

  it("asks when the runner-up is close", () => {
    expect(decide({ ...strong, second: 0.95 })).toBe("clarify");
  });

  it("asks on a partial match that has a rare phrase, and says none without one", () => {
    expect(decide({ ...strong, coverage: 0.6 })).toBe("clarify");
    expect(decide({ ...strong, coverage: 0.6, phrase: 3 })).toBe("none");
    expect(decide({ ...strong, coverage: 0.6, citizen: false })).toBe("none");
  });

  it("asks on a partial match explained by a citizen term when more than half the question is explained", () => {
    const term = { ...strong, phrase: 4.3, vocabulary: true };
    expect(decide({ ...term, coverage: 0.7 })).toBe("clarify");
    expect(decide({ ...term, coverage: 0.5 })).toBe("none");
    expect(decide({ ...term, coverage: 0.7, vocabulary: false })).toBe("none");
    expect(decide({ ...term, coverage: 0.7, citizen: false })).toBe("none");
  });

  it("says none for low coverage, scattered words or generic words only", () => {
    expect(decide({ ...strong, coverage: DEFAULT_THRESHOLDS.minCoverage - 0.01 })).toBe("none");
    expect(decide({ ...strong, phrase: 0 })).toBe("none");
    expect(decide({ ...strong, specificity: 1 })).toBe("none");
    expect(decide({ ...strong, top: 0 })).toBe("none");
  });
});
