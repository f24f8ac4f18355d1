import { describe, expect, it } from "vitest";
import { columnSums, gemmAB, gemmABt, gemmAtB } from "@/lib/compute/tensor/kernels";
import { Random } from "@/lib/compute/random";
import { randomArray } from "../numeric-gradient";

/** The textbook triple loop, element (i, j) = Σ_p A(i, p) · B(p, j), with accessors for transposed layouts. */
function naive(
  m: number,
  n: number,
  k: number,
  a: (i: number, p: number) => number,
  b: (p: number, j: number) => number,
) {
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) for (let p = 0; p < k; p++) c[i * n + j]! += a(i, p) * b(p, j);
  return c;
}

// Sizes around the blocks (4×4 and 4×2, 2×4 tiles): multiples, remainders,
// single rows and columns, and rows both shorter and longer than 64, where
// the kernels switch blockings.
const sizes = [
  [6, 5, 70],
  [8, 8, 65],
  [3, 2, 100],
  [1, 1, 1],
  [4, 4, 4],
  [5, 7, 3],
  [8, 2, 9],
  [3, 1, 16],
  [13, 6, 1],
  [9, 9, 5],
] as const;

describe("the blocked matrix kernels on sizes around their blocks", () => {
  const rng = new Random(1);
  for (const [m, n, k] of sizes) {
    it(`match the triple loop for m=${m}, n=${n}, k=${k}`, () => {
      // c = a · bᵀ with a [m×k], b [n×k], plus a bias.
      const a = randomArray(rng, m * k);
      const b = randomArray(rng, n * k);
      const bias = randomArray(rng, n);
      const c = new Float64Array(m * n).fill(NaN);
      gemmABt(a, b, c, m, n, k, bias);
      const expected = naive(
        m,
        n,
        k,
        (i, p) => a[i * k + p]!,
        (p, j) => b[j * k + p]!,
      );
      expected.forEach((v, idx) => expect(c[idx]).toBeCloseTo(v + bias[idx % n]!, 12));

      // c = gᵀ · x with g [m×n] (some zeros, as ReLU leaves), x [m×k] → [n×k].
      const g = randomArray(rng, m * n).map((v, idx) => (idx % 3 === 0 ? 0 : v));
      const x = randomArray(rng, m * k);
      const dw = new Float64Array(n * k).fill(NaN);
      gemmAtB(g, x, dw, m, n, k);
      const expectedDw = naive(
        n,
        k,
        m,
        (j, i) => g[i * n + j]!,
        (i, p) => x[i * k + p]!,
      );
      expectedDw.forEach((v, idx) => expect(dw[idx]).toBeCloseTo(v, 12));

      // c = g · w with g [m×n], w [n×k] → [m×k].
      const w = randomArray(rng, n * k);
      const dx = new Float64Array(m * k).fill(NaN);
      gemmAB(g, w, dx, m, n, k);
      const expectedDx = naive(
        m,
        k,
        n,
        (i, j) => g[i * n + j]!,
        (j, p) => w[j * k + p]!,
      );
      expectedDx.forEach((v, idx) => expect(dx[idx]).toBeCloseTo(v, 12));

      const sums = new Float64Array(n).fill(NaN);
      columnSums(g, sums, m, n);
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let i = 0; i < m; i++) s += g[i * n + j]!;
        expect(sums[j]).toBeCloseTo(s, 13);
      }
    });
  }

  it("multiply a small matrix pair to the hand-computed product", () => {
    // [[1, 2], [3, 4]] · [[5, 6], [7, 8]]ᵀ = [[17, 23], [39, 53]]
    const c = new Float64Array(4);
    gemmABt(Float64Array.of(1, 2, 3, 4), Float64Array.of(5, 6, 7, 8), c, 2, 2, 2);
    expect(Array.from(c)).toEqual([17, 23, 39, 53]);
  });
});
