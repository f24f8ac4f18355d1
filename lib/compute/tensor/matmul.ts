import { ComputeError } from "../errors";
import { gemmAB, gemmABt } from "./kernels";
import { type Tensor, formatShape, matrixShape } from "./tensor";

/** A[m×k] · B[k×n] → [m×n]. */
export function matmul(a: Tensor, b: Tensor): Tensor {
  const [m, k] = matrixShape("matmul", a, "left operand");
  const [k2, n] = matrixShape("matmul", b, "right operand");
  if (k !== k2) {
    throw new ComputeError("matmul", `inner sizes differ: ${formatShape(a.shape)} · ${formatShape(b.shape)}`);
  }
  const out = new Float64Array(m * n);
  gemmAB(a.data, b.data, out, m, k, n);
  return { shape: [m, n], data: out };
}

/** A[m×k] · B[n×k]ᵀ → [m×n], the layout of a dense layer's forward pass (weights stored [out][in]). */
export function matmulTransposed(a: Tensor, b: Tensor): Tensor {
  const [m, k] = matrixShape("matmulTransposed", a, "left operand");
  const [n, k2] = matrixShape("matmulTransposed", b, "right operand");
  if (k !== k2) {
    throw new ComputeError(
      "matmulTransposed",
      `inner sizes differ: ${formatShape(a.shape)} · ${formatShape(b.shape)}ᵀ`,
    );
  }
  const out = new Float64Array(m * n);
  gemmABt(a.data, b.data, out, m, n, k);
  return { shape: [m, n], data: out };
}

export function transpose(a: Tensor): Tensor {
  const [m, n] = matrixShape("transpose", a);
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) out[j * m + i] = a.data[i * n + j]!;
  return { shape: [n, m], data: out };
}
