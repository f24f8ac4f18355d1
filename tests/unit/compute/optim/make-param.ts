import type { Param } from "@/lib/compute/types";

/** A parameter with the given values and gradient (zeros by default), decayed unless told otherwise. */
export function makeParam(
  data: number[],
  overrides: { grad?: number[]; decay?: boolean; name?: string } = {},
): Param {
  return {
    name: overrides.name ?? "w",
    shape: [data.length],
    data: Float64Array.from(data),
    grad: overrides.grad ? Float64Array.from(overrides.grad) : new Float64Array(data.length),
    decay: overrides.decay ?? true,
  };
}

/** Writes a gradient into the param, as a backward pass would before each step. */
export function setGrad(param: Param, grad: number[]): void {
  param.grad.set(grad);
}

export function expectClose(actual: ArrayLike<number>, expected: number[], relTol = 1e-14): void {
  if (actual.length !== expected.length) throw new Error(`length ${actual.length} ≠ ${expected.length}`);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    const err = Math.abs(a - e) / Math.max(1, Math.abs(e));
    if (!(err <= relTol))
      throw new Error(`index ${i}: got ${a}, expected ${e} (relative error ${err} > ${relTol})`);
  }
}
