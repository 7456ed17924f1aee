/** Logistic regression by Newton's method (logistic.ts). */
import { describe, expect, it } from "vitest";
import { fitLogistic, predict, sigmoid, solve } from "../../src/search/logistic.ts";

describe("solve", () => {
  it("solves a linear system, pivoting past a zero on the diagonal", () => {
    const x = solve(
      [
        [0, 2, 1],
        [1, 1, 0],
        [2, 0, 3],
      ],
      [7, 3, 11],
    );
    // 0·1 + 2·2 + 1·3 = 7; 1 + 2 = 3; 2·1 + 3·3 = 11
    expect(x.map((v) => Number(v.toFixed(9)))).toEqual([1, 2, 3]);
  });
});

describe("fitLogistic", () => {
  // y = 1 when the first feature is large; the second is noise around the same mean in both classes.
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < 200; i++) {
    const positive = i % 2 === 0;
    x.push([(positive ? 3 : 1) + ((i * 37) % 11) / 10, ((i * 53) % 17) / 17]);
    y.push(Number(positive));
  }

  it("learns which feature separates the classes, on the features' own scale", () => {
    const fit = fitLogistic(x, y);
    expect(fit.mean[0]).toBeCloseTo(2.5, 0);
    expect(Math.abs(fit.weights[0]!)).toBeGreaterThan(5 * Math.abs(fit.weights[1]!));
    expect(predict(fit, [4, 0.5])).toBeGreaterThan(0.95);
    expect(predict(fit, [0.5, 0.5])).toBeLessThan(0.05);
  });

  it("keeps the weights finite on separable data (the L2 penalty), and larger with a smaller penalty", () => {
    const loose = fitLogistic(x, y, { l2: 0.001 });
    const tight = fitLogistic(x, y, { l2: 0.1 });
    for (const w of [...loose.weights, ...tight.weights]) expect(Number.isFinite(w)).toBe(true);
    expect(Math.abs(loose.weights[0]!)).toBeGreaterThan(Math.abs(tight.weights[0]!));
  });

  it("gives the base rate when no feature tells the classes apart", () => {
    const fit = fitLogistic([[1], [1], [1], [1]], [1, 1, 1, 0]);
    expect(predict(fit, [1])).toBeCloseTo(0.75, 2);
    expect(sigmoid(0)).toBe(0.5);
  });
});
