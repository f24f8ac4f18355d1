/**
 * c[m×n] = a[m×k] · b[n×k]ᵀ (+ bias[n] on every row), overwriting c: the
 * dense layer's forward product X·Wᵀ with W stored [out][in], so both
 * operands are read along their rows.
 *
 * Two register blockings, chosen by the length of the inner loop: 4×4 keeps
 * 16 accumulators and wins on long rows (784 inputs), where loads dominate;
 * with short rows (16 inputs) its accumulators spill out of V8's registers
 * and 4×2 is about a third faster (measured on Node 20).
 */
const LONG_ROWS = 64;

export function gemmABt(
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  m: number,
  n: number,
  k: number,
  bias: Float64Array | null = null,
): void {
  if (k >= LONG_ROWS) gemmABt4x4(a, b, c, m, n, k, bias);
  else gemmABt4x2(a, b, c, m, n, k, bias);
}

/** Blocks of 4 rows × 2 columns: 6 loads feed 8 products, all in registers. */
function gemmABt4x2(
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  m: number,
  n: number,
  k: number,
  bias: Float64Array | null,
): void {
  let i = 0;
  for (; i + 4 <= m; i += 4) {
    const a0 = i * k;
    const a1 = a0 + k;
    const a2 = a1 + k;
    const a3 = a2 + k;
    let j = 0;
    for (; j + 2 <= n; j += 2) {
      const b0 = j * k;
      const b1 = b0 + k;
      let s00 = 0,
        s01 = 0,
        s10 = 0,
        s11 = 0,
        s20 = 0,
        s21 = 0,
        s30 = 0,
        s31 = 0;
      for (let p = 0; p < k; p++) {
        const x0 = a[a0 + p]!;
        const x1 = a[a1 + p]!;
        const x2 = a[a2 + p]!;
        const x3 = a[a3 + p]!;
        const w0 = b[b0 + p]!;
        const w1 = b[b1 + p]!;
        s00 += x0 * w0;
        s01 += x0 * w1;
        s10 += x1 * w0;
        s11 += x1 * w1;
        s20 += x2 * w0;
        s21 += x2 * w1;
        s30 += x3 * w0;
        s31 += x3 * w1;
      }
      const q0 = bias === null ? 0 : bias[j]!;
      const q1 = bias === null ? 0 : bias[j + 1]!;
      const c0 = i * n + j;
      c[c0] = s00 + q0;
      c[c0 + 1] = s01 + q1;
      c[c0 + n] = s10 + q0;
      c[c0 + n + 1] = s11 + q1;
      c[c0 + 2 * n] = s20 + q0;
      c[c0 + 2 * n + 1] = s21 + q1;
      c[c0 + 3 * n] = s30 + q0;
      c[c0 + 3 * n + 1] = s31 + q1;
    }
    if (j < n) columnBlock(a, b, c, i, j, n, k, bias);
  }
  leftoverRows(a, b, c, i, m, n, k, bias);
}

/** Blocks of 4 rows × 4 columns: per step of the inner loop, 8 loads feed 16 products. */
function gemmABt4x4(
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  m: number,
  n: number,
  k: number,
  bias: Float64Array | null,
): void {
  let i = 0;
  for (; i + 4 <= m; i += 4) {
    const a0 = i * k;
    const a1 = a0 + k;
    const a2 = a1 + k;
    const a3 = a2 + k;
    let j = 0;
    for (; j + 4 <= n; j += 4) {
      const b0 = j * k;
      const b1 = b0 + k;
      const b2 = b1 + k;
      const b3 = b2 + k;
      let s00 = 0,
        s01 = 0,
        s02 = 0,
        s03 = 0,
        s10 = 0,
        s11 = 0,
        s12 = 0,
        s13 = 0;
      let s20 = 0,
        s21 = 0,
        s22 = 0,
        s23 = 0,
        s30 = 0,
        s31 = 0,
        s32 = 0,
        s33 = 0;
      for (let p = 0; p < k; p++) {
        const x0 = a[a0 + p]!;
        const x1 = a[a1 + p]!;
        const x2 = a[a2 + p]!;
        const x3 = a[a3 + p]!;
        const w0 = b[b0 + p]!;
        const w1 = b[b1 + p]!;
        const w2 = b[b2 + p]!;
        const w3 = b[b3 + p]!;
        s00 += x0 * w0;
        s01 += x0 * w1;
        s02 += x0 * w2;
        s03 += x0 * w3;
        s10 += x1 * w0;
        s11 += x1 * w1;
        s12 += x1 * w2;
        s13 += x1 * w3;
        s20 += x2 * w0;
        s21 += x2 * w1;
        s22 += x2 * w2;
        s23 += x2 * w3;
        s30 += x3 * w0;
        s31 += x3 * w1;
        s32 += x3 * w2;
        s33 += x3 * w3;
      }
      const q0 = bias === null ? 0 : bias[j]!;
      const q1 = bias === null ? 0 : bias[j + 1]!;
      const q2 = bias === null ? 0 : bias[j + 2]!;
      const q3 = bias === null ? 0 : bias[j + 3]!;
      let c0 = i * n + j;
      c[c0] = s00 + q0;
      c[c0 + 1] = s01 + q1;
      c[c0 + 2] = s02 + q2;
      c[c0 + 3] = s03 + q3;
      c0 += n;
      c[c0] = s10 + q0;
      c[c0 + 1] = s11 + q1;
      c[c0 + 2] = s12 + q2;
      c[c0 + 3] = s13 + q3;
      c0 += n;
      c[c0] = s20 + q0;
      c[c0 + 1] = s21 + q1;
      c[c0 + 2] = s22 + q2;
      c[c0 + 3] = s23 + q3;
      c0 += n;
      c[c0] = s30 + q0;
      c[c0 + 1] = s31 + q1;
      c[c0 + 2] = s32 + q2;
      c[c0 + 3] = s33 + q3;
    }
    for (; j < n; j++) columnBlock(a, b, c, i, j, n, k, bias);
  }
  leftoverRows(a, b, c, i, m, n, k, bias);
}

/** Rows i..i+3 of column j (the columns left over by a blocking). */
function columnBlock(
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  i: number,
  j: number,
  n: number,
  k: number,
  bias: Float64Array | null,
): void {
  const a0 = i * k;
  const a1 = a0 + k;
  const a2 = a1 + k;
  const a3 = a2 + k;
  const b0 = j * k;
  let s0 = 0,
    s1 = 0,
    s2 = 0,
    s3 = 0;
  for (let p = 0; p < k; p++) {
    const w = b[b0 + p]!;
    s0 += a[a0 + p]! * w;
    s1 += a[a1 + p]! * w;
    s2 += a[a2 + p]! * w;
    s3 += a[a3 + p]! * w;
  }
  const q = bias === null ? 0 : bias[j]!;
  const c0 = i * n + j;
  c[c0] = s0 + q;
  c[c0 + n] = s1 + q;
  c[c0 + 2 * n] = s2 + q;
  c[c0 + 3 * n] = s3 + q;
}

/** Rows from..m-1 (m not a multiple of 4) as plain dot products. */
function leftoverRows(
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  from: number,
  m: number,
  n: number,
  k: number,
  bias: Float64Array | null,
): void {
  for (let i = from; i < m; i++) {
    const a0 = i * k;
    for (let j = 0; j < n; j++) {
      const b0 = j * k;
      let s = 0;
      for (let p = 0; p < k; p++) s += a[a0 + p]! * b[b0 + p]!;
      c[i * n + j] = s + (bias === null ? 0 : bias[j]!);
    }
  }
}
