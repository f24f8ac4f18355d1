import { ComputeError, assertPositiveInt } from "../errors";
import type { Param } from "../types";
import { BatchCache } from "./batch-cache";
import { type Layer, makeParam } from "./layer";

export const BATCH_NORM_DEFAULTS = {
  /** Added to the variance before the square root (PyTorch's and Keras's 1e-5 and 1e-3 differ; we take PyTorch's). */
  epsilon: 1e-5,
  /** Weight of the new batch in the running averages: running = (1 - m)·running + m·batch (PyTorch's convention). */
  momentum: 0.1,
};

type Buffers = { xhat: Float64Array; out: Float64Array; dx: Float64Array };

/**
 * Batch normalization per feature (Ioffe & Szegedy 2015). Training normalises
 * with the batch's mean and (biased) variance and updates running averages
 * (with the unbiased variance, as PyTorch does); evaluation uses the running
 * averages, so a prediction does not depend on the rest of its batch.
 * y = γ·x̂ + β with x̂ = (x - μ)/√(σ² + ε). The backward pass in training mode
 * is the closed form
 *   dx = γ/(N·√(σ² + ε)) · (N·dy - Σdy - x̂·Σ(dy·x̂)).
 */
export class BatchNorm implements Layer {
  readonly kind = "batch-norm";
  readonly inputSize: number;
  readonly outputSize: number;
  readonly gamma: Param;
  readonly beta: Param;
  readonly runningMean: Float64Array;
  readonly runningVariance: Float64Array;
  readonly epsilon: number;
  readonly momentum: number;
  private readonly invStd: Float64Array;
  private readonly buffers: BatchCache<Buffers>;
  private readonly paramList: Param[];
  private lastTraining = false;

  constructor(
    readonly name: string,
    size: number,
    options: { epsilon?: number; momentum?: number } = {},
  ) {
    const op = `batch-norm ${name}`;
    assertPositiveInt(op, "size", size);
    this.epsilon = options.epsilon ?? BATCH_NORM_DEFAULTS.epsilon;
    this.momentum = options.momentum ?? BATCH_NORM_DEFAULTS.momentum;
    if (!(this.epsilon > 0 && Number.isFinite(this.epsilon))) {
      throw new ComputeError(op, `epsilon must be a finite number > 0, got ${this.epsilon}`);
    }
    if (!(this.momentum >= 0 && this.momentum <= 1)) {
      throw new ComputeError(op, `momentum must lie in [0, 1], got ${this.momentum}`);
    }
    this.inputSize = size;
    this.outputSize = size;
    this.gamma = makeParam(`${name}.gamma`, [size], new Float64Array(size).fill(1), false);
    this.beta = makeParam(`${name}.beta`, [size], new Float64Array(size), false);
    this.paramList = [this.gamma, this.beta];
    this.runningMean = new Float64Array(size);
    this.runningVariance = new Float64Array(size).fill(1);
    this.invStd = new Float64Array(size);
    this.buffers = new BatchCache((batch) => ({
      xhat: new Float64Array(batch * size),
      out: new Float64Array(batch * size),
      dx: new Float64Array(batch * size),
    }));
  }

  params(): Param[] {
    return this.paramList;
  }

  get output(): Float64Array | null {
    return this.buffers.current()?.out ?? null;
  }

  forward(x: Float64Array, batch: number, training: boolean): Float64Array {
    const n = this.outputSize;
    if (training && batch < 2) {
      throw new ComputeError(
        `batch-norm ${this.name}`,
        `training needs a batch of at least 2 rows, got ${batch}`,
      );
    }
    const buf = this.buffers.get(batch);
    this.lastTraining = training;
    const { xhat, out } = buf;
    const gamma = this.gamma.data;
    const beta = this.beta.data;
    for (let j = 0; j < n; j++) {
      let mean: number;
      let variance: number;
      if (training) {
        let sum = 0;
        for (let i = 0; i < batch; i++) sum += x[i * n + j]!;
        mean = sum / batch;
        let squares = 0;
        for (let i = 0; i < batch; i++) {
          const d = x[i * n + j]! - mean;
          squares += d * d;
        }
        variance = squares / batch;
        const m = this.momentum;
        this.runningMean[j] = (1 - m) * this.runningMean[j]! + m * mean;
        this.runningVariance[j] = (1 - m) * this.runningVariance[j]! + m * (squares / (batch - 1));
      } else {
        mean = this.runningMean[j]!;
        variance = this.runningVariance[j]!;
      }
      const inv = 1 / Math.sqrt(variance + this.epsilon);
      this.invStd[j] = inv;
      const g = gamma[j]!;
      const b = beta[j]!;
      for (let i = 0; i < batch; i++) {
        const k = i * n + j;
        const h = (x[k]! - mean) * inv;
        xhat[k] = h;
        out[k] = g * h + b;
      }
    }
    return out;
  }

  backward(gradOut: Float64Array, batch: number, needInputGrad: boolean): Float64Array | null {
    const n = this.outputSize;
    const buf = this.buffers.get(batch);
    const { xhat, dx } = buf;
    const dGamma = this.gamma.grad;
    const dBeta = this.beta.grad;
    for (let j = 0; j < n; j++) {
      let sumDy = 0;
      let sumDyXhat = 0;
      for (let i = 0; i < batch; i++) {
        const k = i * n + j;
        sumDy += gradOut[k]!;
        sumDyXhat += gradOut[k]! * xhat[k]!;
      }
      dBeta[j] = sumDy;
      dGamma[j] = sumDyXhat;
      if (!needInputGrad) continue;
      const scale = this.gamma.data[j]! * this.invStd[j]!;
      if (this.lastTraining) {
        // The batch statistics depend on every row, hence the two correction terms.
        const meanDy = sumDy / batch;
        const meanDyXhat = sumDyXhat / batch;
        for (let i = 0; i < batch; i++) {
          const k = i * n + j;
          dx[k] = scale * (gradOut[k]! - meanDy - xhat[k]! * meanDyXhat);
        }
      } else {
        // Running statistics are constants here: an affine map per feature.
        for (let i = 0; i < batch; i++) dx[i * n + j] = scale * gradOut[i * n + j]!;
      }
    }
    return needInputGrad ? dx : null;
  }
}
