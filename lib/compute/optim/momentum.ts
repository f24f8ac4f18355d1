import type { Param } from "../types";
import { optimizerDefaults } from "./defaults";
import { checkDecayRate } from "./hyperparameters";
import { StatefulOptimizer } from "./stateful-optimizer";

export type MomentumOptions = { learningRate?: number; momentum?: number; weightDecay?: number };

type VelocityState = { size: number; velocity: Float64Array };

/**
 * Classic (Polyak heavy-ball) momentum, in the form where the velocity is a
 * step in parameter space:
 *   v ← μ·v − η·g,   θ ← θ + v        (v starts at 0; g includes λθ)
 * PyTorch instead accumulates b ← μ·b + g and steps θ ← θ − η·b; the two give
 * identical trajectories while η is constant (v = −η·b) and differ only when
 * η changes mid-run: here a new η affects only future gradients.
 */
export class Momentum extends StatefulOptimizer<VelocityState> {
  readonly momentum: number;

  constructor(options: MomentumOptions = {}) {
    const d = optimizerDefaults.momentum;
    super("momentum", options.learningRate ?? d.learningRate, options.weightDecay ?? d.weightDecay);
    this.momentum = checkDecayRate("momentum", "momentum", options.momentum ?? d.momentum);
  }

  protected createState(size: number): VelocityState {
    return { size, velocity: new Float64Array(size) };
  }

  protected updateWithState(param: Param, state: VelocityState, learningRate: number, decay: number): void {
    const { data, grad } = param;
    const v = state.velocity;
    const mu = this.momentum;
    for (let i = 0; i < data.length; i++) {
      const vi = mu * v[i]! - learningRate * (grad[i]! + decay * data[i]!);
      v[i] = vi;
      data[i]! += vi;
    }
  }
}
