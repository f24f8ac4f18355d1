import type { Param } from "../types";
import { optimizerDefaults } from "./defaults";
import { checkDecayRate } from "./hyperparameters";
import { StatefulOptimizer } from "./stateful-optimizer";

export type NesterovOptions = { learningRate?: number; momentum?: number; weightDecay?: number };

type VelocityState = { size: number; velocity: Float64Array };

/**
 * Nesterov accelerated gradient in the form of Sutskever et al. (2013),
 * rewritten (Bengio et al. 2013) so the gradient is taken at the current θ
 * rather than at the look-ahead point θ + μv:
 *   v ← μ·v − η·g,   θ ← θ + μ·v − η·g     (v starts at 0; g includes λθ)
 * This is PyTorch's SGD(nesterov=True) (b ← μb + g, θ ← θ − η(g + μb)) with
 * v = −η·b, so both agree while η is constant. The first step is −η(1 + μ)g.
 */
export class Nesterov extends StatefulOptimizer<VelocityState> {
  readonly momentum: number;

  constructor(options: NesterovOptions = {}) {
    const d = optimizerDefaults.nesterov;
    super("nesterov", options.learningRate ?? d.learningRate, options.weightDecay ?? d.weightDecay);
    this.momentum = checkDecayRate("nesterov", "momentum", options.momentum ?? d.momentum);
  }

  protected createState(size: number): VelocityState {
    return { size, velocity: new Float64Array(size) };
  }

  protected updateWithState(param: Param, state: VelocityState, learningRate: number, decay: number): void {
    const { data, grad } = param;
    const v = state.velocity;
    const mu = this.momentum;
    for (let i = 0; i < data.length; i++) {
      const step = learningRate * (grad[i]! + decay * data[i]!);
      const vi = mu * v[i]! - step;
      v[i] = vi;
      data[i]! += mu * vi - step;
    }
  }
}
