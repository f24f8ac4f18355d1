/**
 * The matrix products a dense layer needs, on raw row-major Float64Arrays:
 *
 *   forward   Z  = X · Wᵀ      gemmABt  (W stored [out][in], so both operands are read along rows)
 *   weights   dW = dZᵀ · X     gemmAtB
 *   inputs    dX = dZ · W      gemmABt on Wᵀ, or gemmAB
 *   bias      db = Σ_rows dZ   columnSums
 *
 * JavaScript has no SIMD or FMA, so speed comes from register blocking: each
 * pass of an inner loop loads a few values and reuses each of them several
 * times from locals, which V8 keeps in registers. Sizes are not checked here;
 * callers check shapes once, outside the hot loops.
 */
export { gemmABt } from "./kernels/gemm-abt";
export { gemmAtB } from "./kernels/gemm-atb";
export { gemmAB, columnSums } from "./kernels/gemm-ab";
