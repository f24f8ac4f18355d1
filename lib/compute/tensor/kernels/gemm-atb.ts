/**
 * c[n×k] = a[m×n]ᵀ · b[m×k], overwriting c: the weight gradient dW = dZᵀ·X
 * (a = dZ, b = X), whose rows are read along the batch.
 *
 * Two shapes of loop. With few columns (k ≤ 64, e.g. a 16-unit hidden layer)
 * each 2×4 tile of c is accumulated in registers over the whole batch. With
 * long rows (784 inputs) that walk strides through memory, so instead each
 * pair of c rows gathers four batch rows per pass (row axpy, contiguous), and
 * batch rows whose two gradients are both zero (common under ReLU) are
 * skipped before blocking, so sparsity saves work without breaking blocks.
 */
const SHORT_ROWS = 64;

export function gemmAtB(
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  m: number,
  n: number,
  k: number,
): void {
  if (k <= SHORT_ROWS) gemmAtBTiles(a, b, c, m, n, k);
  else gemmAtBRows(a, b, c, m, n, k);
}

/** Tiles of 2 rows × 4 columns of c, summed over the batch: 6 loads feed 8 products. */
function gemmAtBTiles(
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  m: number,
  n: number,
  k: number,
): void {
  for (let j = 0; j < n; j += 2) {
    const pair = j + 1 < n;
    let p = 0;
    for (; p + 4 <= k; p += 4) {
      let s00 = 0,
        s01 = 0,
        s02 = 0,
        s03 = 0,
        s10 = 0,
        s11 = 0,
        s12 = 0,
        s13 = 0;
      for (let i = 0; i < m; i++) {
        const ai = i * n + j;
        const bi = i * k + p;
        const g0 = a[ai]!;
        const g1 = pair ? a[ai + 1]! : 0;
        const x0 = b[bi]!;
        const x1 = b[bi + 1]!;
        const x2 = b[bi + 2]!;
        const x3 = b[bi + 3]!;
        s00 += g0 * x0;
        s01 += g0 * x1;
        s02 += g0 * x2;
        s03 += g0 * x3;
        s10 += g1 * x0;
        s11 += g1 * x1;
        s12 += g1 * x2;
        s13 += g1 * x3;
      }
      const c0 = j * k + p;
      c[c0] = s00;
      c[c0 + 1] = s01;
      c[c0 + 2] = s02;
      c[c0 + 3] = s03;
      if (pair) {
        c[c0 + k] = s10;
        c[c0 + k + 1] = s11;
        c[c0 + k + 2] = s12;
        c[c0 + k + 3] = s13;
      }
    }
    for (; p < k; p++) {
      let s0 = 0,
        s1 = 0;
      for (let i = 0; i < m; i++) {
        const x = b[i * k + p]!;
        s0 += a[i * n + j]! * x;
        if (pair) s1 += a[i * n + j + 1]! * x;
      }
      c[j * k + p] = s0;
      if (pair) c[(j + 1) * k + p] = s1;
    }
  }
}

/** Row indices scratch for gemmAtB; grows (rarely) to the largest batch seen, never shrinks. */
let activeRows = new Int32Array(256);

/** Two rows of c take four batch rows per pass, so each c element is loaded and stored once per four. */
function gemmAtBRows(
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  m: number,
  n: number,
  k: number,
): void {
  c.fill(0, 0, n * k);
  if (activeRows.length < m) activeRows = new Int32Array(m);
  const rows = activeRows;
  let j = 0;
  for (; j + 2 <= n; j += 2) {
    const c0 = j * k;
    const c1 = c0 + k;
    let count = 0;
    for (let i = 0; i < m; i++) {
      if (a[i * n + j] !== 0 || a[i * n + j + 1] !== 0) rows[count++] = i;
    }
    let t = 0;
    for (; t + 4 <= count; t += 4) {
      const i0 = rows[t]! * n + j;
      const i1 = rows[t + 1]! * n + j;
      const i2 = rows[t + 2]! * n + j;
      const i3 = rows[t + 3]! * n + j;
      const g00 = a[i0]!,
        g10 = a[i1]!,
        g20 = a[i2]!,
        g30 = a[i3]!;
      const g01 = a[i0 + 1]!,
        g11 = a[i1 + 1]!,
        g21 = a[i2 + 1]!,
        g31 = a[i3 + 1]!;
      const b0 = rows[t]! * k;
      const b1 = rows[t + 1]! * k;
      const b2 = rows[t + 2]! * k;
      const b3 = rows[t + 3]! * k;
      for (let p = 0; p < k; p++) {
        const x0 = b[b0 + p]!;
        const x1 = b[b1 + p]!;
        const x2 = b[b2 + p]!;
        const x3 = b[b3 + p]!;
        c[c0 + p]! += g00 * x0 + g10 * x1 + g20 * x2 + g30 * x3;
        c[c1 + p]! += g01 * x0 + g11 * x1 + g21 * x2 + g31 * x3;
      }
    }
    for (; t < count; t++) {
      const i = rows[t]!;
      const g0 = a[i * n + j]!;
      const g1 = a[i * n + j + 1]!;
      const b0 = i * k;
      for (let p = 0; p < k; p++) {
        const x = b[b0 + p]!;
        c[c0 + p]! += g0 * x;
        c[c1 + p]! += g1 * x;
      }
    }
  }
  if (j < n) {
    const c0 = j * k;
    for (let i = 0; i < m; i++) {
      const g = a[i * n + j]!;
      if (g === 0) continue;
      const b0 = i * k;
      for (let p = 0; p < k; p++) c[c0 + p]! += g * b[b0 + p]!;
    }
  }
}
