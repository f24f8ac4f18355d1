import type { Param } from "../types";
import { BaseOptimizer } from "./base-optimizer";
import { optimizerDefaults } from "./defaults";

export type SGDOptions = { learningRate?: number; weightDecay?: number };

/** Plain gradient descent: θ ← θ − η·(g + λθ). */
export class SGD extends BaseOptimizer {
  constructor(options: SGDOptions = {}) {
    const d = optimizerDefaults.sgd;
    super("sgd", options.learningRate ?? d.learningRate, options.weightDecay ?? d.weightDecay);
  }

  protected update(param: Param, learningRate: number, decay: number): void {
    const { data, grad } = param;
    for (let i = 0; i < data.length; i++) data[i]! -= learningRate * (grad[i]! + decay * data[i]!);
  }
}
