import { ComputeError } from "../errors";
import type { Optimizer, Param } from "../types";
import { checkLearningRate, checkWeightDecay } from "./hyperparameters";

/**
 * What every optimizer shares: a validated, settable learning rate and L2
 * weight decay, and a step that checks every parameter before touching any,
 * so a bad gradient throws without leaving the model half-updated.
 */
export abstract class BaseOptimizer implements Optimizer {
  private rate: number;
  private decay: number;

  protected constructor(
    readonly name: string,
    learningRate: number,
    weightDecay: number,
  ) {
    this.rate = checkLearningRate(name, learningRate);
    this.decay = checkWeightDecay(name, weightDecay);
  }

  get learningRate(): number {
    return this.rate;
  }

  set learningRate(value: number) {
    this.rate = checkLearningRate(this.name, value);
  }

  /**
   * λ: for every optimizer but AdamW, an L2 penalty ½λ‖θ‖² whose gradient λθ
   * is added to g (the stored grad is left untouched). AdamW decouples it.
   * Only params with `decay: true` are affected (not biases, not BN γ/β).
   */
  get weightDecay(): number {
    return this.decay;
  }

  set weightDecay(value: number) {
    this.decay = checkWeightDecay(this.name, value);
  }

  step(params: Param[]): void {
    for (let i = 0; i < params.length; i++) this.checkParam(params[i]!);
    const rate = this.rate;
    for (let i = 0; i < params.length; i++) {
      const param = params[i]!;
      this.update(param, rate, param.decay ? this.decay : 0);
    }
  }

  /** Forgets all per-parameter state (velocities, moments, step counts). */
  reset(): void {}

  /** Updates one param in place; `decay` is already 0 for params that skip weight decay. */
  protected abstract update(param: Param, learningRate: number, decay: number): void;

  protected checkParam(param: Param): void {
    const { data, grad } = param;
    if (data.length !== grad.length) {
      throw new ComputeError(
        `${this.name}.step`,
        `param "${param.name}" has ${data.length} values but ${grad.length} gradient entries`,
      );
    }
    // g·0 is 0 for every finite g and NaN for ±Infinity and NaN, so one cheap
    // pass detects a bad gradient; the slow search for its index runs only then.
    let probe = 0;
    for (let i = 0; i < grad.length; i++) probe += grad[i]! * 0;
    if (probe !== 0) {
      for (let i = 0; i < grad.length; i++) {
        if (!Number.isFinite(grad[i]!)) {
          throw new ComputeError(
            `${this.name}.step`,
            `param "${param.name}" has gradient ${grad[i]} at index ${i}`,
          );
        }
      }
    }
  }
}
