/** The oracle for every gradient test here: central differences in float64. */
export const H = 1e-5;
export const MAX_RELATIVE_ERROR = 1e-6;

/** (f(x + h) − f(x − h)) / 2h: error O(h²) ≈ 1e-10 relative, far below the 1e-6 tolerance. */
export function centralDifference(f: (x: number) => number, x: number, h = H): number {
  return (f(x + h) - f(x - h)) / (2 * h);
}

/**
 * |a − b| / max(|a|, |b|). When both are below 1e-10 (a zero derivative, e.g.
 * ReLU on the negative side) the absolute difference is returned instead, so
 * rounding noise around an exact zero does not count as a 100% error.
 */
export function relativeError(a: number, b: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale < 1e-10 ? Math.abs(a - b) : Math.abs(a - b) / scale;
}
