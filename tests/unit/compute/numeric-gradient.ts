import type { Random } from "@/lib/compute/random";

/** Step of the central differences in float64: truncation error ~h², rounding error ~ε/h. */
export const H = 1e-5;
/** Tolerance on the relative error between the analytic and the numeric gradient. */
export const RELATIVE_TOLERANCE = 1e-6;
/**
 * Below this magnitude both gradients are compared on an absolute scale: the
 * rounding error of (f(x+h) - f(x-h)) / 2h is about ε·|f|/h ≈ 2e-11·|f|, so a
 * relative comparison of gradients near zero (a dead unit, a step function)
 * would only measure that noise. With this floor the tolerance still demands
 * agreement to about 1e-10 in absolute terms there.
 */
export const GRADIENT_FLOOR = 1e-4;

export function relativeError(analytic: number, numeric: number): number {
  return Math.abs(analytic - numeric) / Math.max(Math.abs(analytic), Math.abs(numeric), GRADIENT_FLOOR);
}

/** (f(x + h) - f(x - h)) / 2h for every element of `values`, perturbed in place and restored. */
export function numericGradient(values: Float64Array, f: () => number, h = H): Float64Array {
  const grad = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const saved = values[i]!;
    values[i] = saved + h;
    const plus = f();
    values[i] = saved - h;
    const minus = f();
    values[i] = saved;
    grad[i] = (plus - minus) / (2 * h);
  }
  return grad;
}

/** The largest relative error over all elements, with where it happened (for a readable failure). */
export function worstError(
  analytic: Float64Array,
  numeric: Float64Array,
): { error: number; index: number; analytic: number; numeric: number } {
  let worst = { error: 0, index: -1, analytic: 0, numeric: 0 };
  for (let i = 0; i < analytic.length; i++) {
    const error = relativeError(analytic[i]!, numeric[i]!);
    if (error > worst.error) worst = { error, index: i, analytic: analytic[i]!, numeric: numeric[i]! };
  }
  return worst;
}

export function randomArray(rng: Random, n: number, scale = 1): Float64Array {
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = rng.normal(0, scale);
  return a;
}

export function oneHotRows(rng: Random, rows: number, classes: number): Float64Array {
  const y = new Float64Array(rows * classes);
  for (let i = 0; i < rows; i++) y[i * classes + rng.int(classes)] = 1;
  return y;
}
