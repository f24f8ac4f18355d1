import type { Param } from "../types";
import { optimizerDefaults } from "./defaults";
import { checkEpsilon } from "./hyperparameters";
import { StatefulOptimizer } from "./stateful-optimizer";

export type AdaGradOptions = { learningRate?: number; epsilon?: number; weightDecay?: number };

type AccumulatorState = { size: number; sumOfSquares: Float64Array };

/**
 * AdaGrad (Duchi, Hazan & Singer 2011), as in PyTorch:
 *   G ← G + g²,   θ ← θ − η·g / (√G + ε)      (G starts at 0; g includes λθ)
 * Each coordinate's step shrinks as its squared gradients accumulate.
 */
export class AdaGrad extends StatefulOptimizer<AccumulatorState> {
  readonly epsilon: number;

  constructor(options: AdaGradOptions = {}) {
    const d = optimizerDefaults.adagrad;
    super("adagrad", options.learningRate ?? d.learningRate, options.weightDecay ?? d.weightDecay);
    this.epsilon = checkEpsilon("adagrad", options.epsilon ?? d.epsilon);
  }

  protected createState(size: number): AccumulatorState {
    return { size, sumOfSquares: new Float64Array(size) };
  }

  protected updateWithState(
    param: Param,
    state: AccumulatorState,
    learningRate: number,
    decay: number,
  ): void {
    const { data, grad } = param;
    const sum = state.sumOfSquares;
    const eps = this.epsilon;
    for (let i = 0; i < data.length; i++) {
      const g = grad[i]! + decay * data[i]!;
      const s = sum[i]! + g * g;
      sum[i] = s;
      data[i]! -= (learningRate * g) / (Math.sqrt(s) + eps);
    }
  }
}
