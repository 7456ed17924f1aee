/**
 * Logistic regression, small and exact: Newton's method with an L2 penalty on standardised
 * features. Used to learn when a search should say nothing fits (decision-model.ts); a few dozen
 * features and some thousands of rows, so a dense solve per step is fast and converges in a few
 * steps.
 */

export interface LogisticFit {
  /** Feature means and spreads the weights apply to: x' = (x - mean) / spread. */
  readonly mean: readonly number[];
  readonly spread: readonly number[];
  /** One weight per feature, then the intercept. */
  readonly weights: readonly number[];
}

export interface LogisticOptions {
  /** L2 penalty on the weights (not the intercept). */
  readonly l2?: number;
  readonly iterations?: number;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** The probability the fitted model gives a feature vector. */
export function predict(fit: LogisticFit, x: readonly number[]): number {
  let z = fit.weights[x.length] ?? 0;
  for (let j = 0; j < x.length; j++) z += (fit.weights[j] ?? 0) * ((x[j]! - fit.mean[j]!) / fit.spread[j]!);
  return sigmoid(z);
}

/** Solves A x = b (A square, symmetric positive definite here) by Gaussian elimination with pivoting. */
export function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    const d = m[c]![c]!;
    if (Math.abs(d) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / d;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => (Math.abs(row[i]!) < 1e-12 ? 0 : row[n]! / row[i]!));
}

/** Fits P(y = 1 | x) to rows `x` with labels `y` (0 or 1). */
export function fitLogistic(
  x: readonly (readonly number[])[],
  y: readonly number[],
  options: LogisticOptions = {},
): LogisticFit {
  const l2 = options.l2 ?? 0.01;
  const iterations = options.iterations ?? 25;
  const n = x.length;
  const d = x[0]?.length ?? 0;
  const mean = Array.from({ length: d }, (_, j) => x.reduce((s, row) => s + row[j]!, 0) / Math.max(1, n));
  const spread = mean.map((m, j) => {
    const v = x.reduce((s, row) => s + (row[j]! - m) ** 2, 0) / Math.max(1, n);
    return Math.sqrt(v) || 1;
  });
  const rows = x.map((row) => [...row.map((v, j) => (v - mean[j]!) / spread[j]!), 1]);
  let w = new Array<number>(d + 1).fill(0);
  for (let step = 0; step < iterations; step++) {
    const grad = new Array<number>(d + 1).fill(0);
    const hess = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    for (let i = 0; i < n; i++) {
      const r = rows[i]!;
      let z = 0;
      for (let j = 0; j <= d; j++) z += w[j]! * r[j]!;
      const p = sigmoid(z);
      const g = (p - y[i]!) / n;
      const h = (p * (1 - p)) / n;
      for (let j = 0; j <= d; j++) {
        grad[j]! += g * r[j]!;
        const hj = h * r[j]!;
        for (let k = j; k <= d; k++) hess[j]![k]! += hj * r[k]!;
      }
    }
    for (let j = 0; j <= d; j++) {
      for (let k = 0; k < j; k++) hess[j]![k] = hess[k]![j]!;
      if (j < d) {
        grad[j]! += l2 * w[j]!;
        hess[j]![j]! += l2;
      }
    }
    const delta = solve(hess, grad);
    w = w.map((v, j) => v - delta[j]!);
    if (delta.every((v) => Math.abs(v) < 1e-9)) break;
  }
  return { mean, spread, weights: w };
}
