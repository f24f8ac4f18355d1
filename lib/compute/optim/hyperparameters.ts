import { ComputeError } from "../errors";

/**
 * Checks for optimizer hyperparameters. Every bad value throws a
 * ComputeError naming the optimizer, the option and the value, so a typo in a
 * URL-borne config fails loudly instead of training into NaN.
 */

export function checkLearningRate(op: string, value: number): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new ComputeError(op, `learningRate must be a finite number ≥ 0, got ${String(value)}`);
  }
  return value;
}

/** For β1, β2, ρ and the momentum coefficient: 1 would never forget, so it is excluded. */
export function checkDecayRate(op: string, option: string, value: number): number {
  if (typeof value !== "number" || !(value >= 0 && value < 1)) {
    throw new ComputeError(op, `${option} must be in [0, 1), got ${String(value)}`);
  }
  return value;
}

export function checkEpsilon(op: string, value: number): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new ComputeError(op, `epsilon must be a finite number > 0, got ${String(value)}`);
  }
  return value;
}

export function checkWeightDecay(op: string, value: number): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new ComputeError(op, `weightDecay must be a finite number ≥ 0, got ${String(value)}`);
  }
  return value;
}
