import type { Param } from "../types";
import { optimizerDefaults } from "./defaults";
import { checkDecayRate, checkEpsilon } from "./hyperparameters";
import { StatefulOptimizer } from "./stateful-optimizer";

export type RMSPropOptions = { learningRate?: number; rho?: number; epsilon?: number; weightDecay?: number };

type MeanSquareState = { size: number; meanSquare: Float64Array };

/**
 * RMSProp (Hinton, Coursera lecture 6e), as in PyTorch (no momentum, not
 * centered):
 *   E ← ρ·E + (1 − ρ)·g²,   θ ← θ − η·g / (√E + ε)   (E starts at 0; g includes λθ)
 * Unlike Adam there is no bias correction, so early steps are larger than η.
 */
export class RMSProp extends StatefulOptimizer<MeanSquareState> {
  readonly rho: number;
  readonly epsilon: number;

  constructor(options: RMSPropOptions = {}) {
    const d = optimizerDefaults.rmsprop;
    super("rmsprop", options.learningRate ?? d.learningRate, options.weightDecay ?? d.weightDecay);
    this.rho = checkDecayRate("rmsprop", "rho", options.rho ?? d.rho);
    this.epsilon = checkEpsilon("rmsprop", options.epsilon ?? d.epsilon);
  }

  protected createState(size: number): MeanSquareState {
    return { size, meanSquare: new Float64Array(size) };
  }

  protected updateWithState(param: Param, state: MeanSquareState, learningRate: number, decay: number): void {
    const { data, grad } = param;
    const ms = state.meanSquare;
    const rho = this.rho;
    const eps = this.epsilon;
    for (let i = 0; i < data.length; i++) {
      const g = grad[i]! + decay * data[i]!;
      const e = rho * ms[i]! + (1 - rho) * g * g;
      ms[i] = e;
      data[i]! -= (learningRate * g) / (Math.sqrt(e) + eps);
    }
  }
}
