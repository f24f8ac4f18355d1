/**
 * c[m×k] = a[m×n] · b[n×k], overwriting c: the plain matrix product (the
 * autograd's matmul). Each output row gathers four rows of b per pass, all
 * contiguous. (A dense layer's dX = dZ·W runs instead as dZ·(Wᵀ)ᵀ through
 * gemmABt, which blocks in registers and is faster on its shapes.)
 */
export function gemmAB(
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  m: number,
  n: number,
  k: number,
): void {
  c.fill(0, 0, m * k);
  for (let i = 0; i < m; i++) {
    const c0 = i * k;
    const a0 = i * n;
    let j = 0;
    for (; j + 4 <= n; j += 4) {
      const g0 = a[a0 + j]!;
      const g1 = a[a0 + j + 1]!;
      const g2 = a[a0 + j + 2]!;
      const g3 = a[a0 + j + 3]!;
      if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0) continue;
      const b0 = j * k;
      const b1 = b0 + k;
      const b2 = b1 + k;
      const b3 = b2 + k;
      for (let p = 0; p < k; p++) {
        c[c0 + p]! += g0 * b[b0 + p]! + g1 * b[b1 + p]! + g2 * b[b2 + p]! + g3 * b[b3 + p]!;
      }
    }
    for (; j < n; j++) {
      const g = a[a0 + j]!;
      if (g === 0) continue;
      const b0 = j * k;
      for (let p = 0; p < k; p++) c[c0 + p]! += g * b[b0 + p]!;
    }
  }
}

/** out[j] = Σ_i a[i, j] for a[m×n], overwriting out (the bias gradient). */
export function columnSums(a: Float64Array, out: Float64Array, m: number, n: number): void {
  out.fill(0, 0, n);
  for (let i = 0; i < m; i++) {
    const a0 = i * n;
    for (let j = 0; j < n; j++) out[j]! += a[a0 + j]!;
  }
}
