import type { Param } from "../types";
import { checkDecayRate, checkEpsilon } from "./hyperparameters";
import { StatefulOptimizer } from "./stateful-optimizer";

export type AdamOptions = {
  learningRate?: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
  weightDecay?: number;
};

type MomentDefaults = {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  weightDecay: number;
};

type MomentState = {
  size: number;
  step: number;
  /** β1ᵗ and β2ᵗ, kept as running products: Math.pow differs in the last bit between V8
   * versions (Node vs the browser), and a seed must give bit-identical training everywhere. */
  beta1Power: number;
  beta2Power: number;
  firstMoment: Float64Array;
  secondMoment: Float64Array;
};

/**
 * The update Adam and AdamW share (Kingma & Ba 2015, Algorithm 1), per
 * parameter with its own step count t:
 *   m ← β1·m + (1 − β1)·g,   v ← β2·v + (1 − β2)·g²
 *   m̂ = m / (1 − β1ᵗ),      v̂ = v / (1 − β2ᵗ)
 *   θ ← θ − η·m̂ / (√v̂ + ε)
 * The bias correction DIVIDES by (1 − βᵗ): the moments start at 0 and would
 * otherwise be shrunk towards it. (ConvNetJS multiplied for years, which made
 * early steps tiny.) With it, the first step is η·g/(|g| + ε) ≈ η·sign(g)
 * whatever the scale of g.
 * Weight decay: Adam adds λθ to g (L2, so it is rescaled by √v̂ like the
 * gradient); AdamW ("decoupled", Loshchilov & Hutter 2019) instead shrinks θ
 * by η·λ·θ directly, using θ from before the step, as PyTorch's AdamW does.
 */
export abstract class AdaptiveMoments extends StatefulOptimizer<MomentState> {
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;

  protected constructor(
    name: string,
    defaults: MomentDefaults,
    options: AdamOptions,
    private readonly decoupledDecay: boolean,
  ) {
    super(name, options.learningRate ?? defaults.learningRate, options.weightDecay ?? defaults.weightDecay);
    this.beta1 = checkDecayRate(name, "beta1", options.beta1 ?? defaults.beta1);
    this.beta2 = checkDecayRate(name, "beta2", options.beta2 ?? defaults.beta2);
    this.epsilon = checkEpsilon(name, options.epsilon ?? defaults.epsilon);
  }

  protected createState(size: number): MomentState {
    return {
      size,
      step: 0,
      beta1Power: 1,
      beta2Power: 1,
      firstMoment: new Float64Array(size),
      secondMoment: new Float64Array(size),
    };
  }

  protected updateWithState(param: Param, state: MomentState, learningRate: number, decay: number): void {
    const { data, grad } = param;
    const m = state.firstMoment;
    const v = state.secondMoment;
    const { beta1, beta2, epsilon } = this;
    state.step++;
    state.beta1Power *= beta1;
    state.beta2Power *= beta2;
    const correction1 = 1 - state.beta1Power;
    const correction2 = 1 - state.beta2Power;
    const l2 = this.decoupledDecay ? 0 : decay;
    const shrink = this.decoupledDecay ? learningRate * decay : 0;
    for (let i = 0; i < data.length; i++) {
      const theta = data[i]!;
      const g = grad[i]! + l2 * theta;
      const mi = beta1 * m[i]! + (1 - beta1) * g;
      const vi = beta2 * v[i]! + (1 - beta2) * g * g;
      m[i] = mi;
      v[i] = vi;
      const mHat = mi / correction1;
      const vHat = vi / correction2;
      data[i] = theta - (learningRate * mHat) / (Math.sqrt(vHat) + epsilon) - shrink * theta;
    }
  }
}
