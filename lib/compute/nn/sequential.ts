import { ComputeError, assertFinite, assertNonNegative, assertPositiveInt } from "../errors";
import { type LossName, assertLossName, assertTargets, lossKernels } from "../losses";
import type { Optimizer, Param } from "../types";
import { BatchCache } from "./batch-cache";
import { Dense } from "./dense";
import type { Layer } from "./layer";

export type SequentialOptions = {
  loss: LossName;
  /** L2 weight decay λ: adds ½λ‖w‖² over every Param with decay = true (weights, not biases). */
  weightDecay?: number;
};

/** Rows per forward pass in predict(), so a large data set never needs [rows, width] buffers at once. */
const PREDICT_CHUNK = 4096;

/**
 * Layers in order plus a loss. The two cross-entropies take logits: a model
 * with loss "bce" ends in a Dense with sigmoid, one with "softmax-ce" in a
 * Dense with softmax; forward() returns probabilities, while training
 * differentiates the loss from the last layer's pre-activation directly
 * (σ(z) - y and softmax(z) - y), which is both exact and cheaper.
 */
export class Sequential {
  readonly layers: readonly Layer[];
  readonly loss: LossName;
  readonly weightDecay: number;
  readonly inputSize: number;
  readonly outputSize: number;
  private readonly paramList: Param[];
  private readonly decayed: Param[];
  private readonly fusedOutput: Dense | null;
  private readonly lossGrad: BatchCache<Float64Array>;

  constructor(layers: Layer[], options: SequentialOptions) {
    if (layers.length === 0) throw new ComputeError("Sequential", "needs at least one layer");
    this.loss = assertLossName("Sequential", options.loss);
    this.weightDecay = options.weightDecay ?? 0;
    assertNonNegative("Sequential", "weightDecay", this.weightDecay);
    for (let i = 1; i < layers.length; i++) {
      const prev = layers[i - 1]!;
      const next = layers[i]!;
      if (prev.outputSize !== next.inputSize) {
        throw new ComputeError(
          "Sequential",
          `layer ${prev.name} outputs ${prev.outputSize} values but ${next.name} takes ${next.inputSize}`,
        );
      }
    }
    this.layers = [...layers];
    const last = layers[layers.length - 1]!;
    this.inputSize = layers[0]!.inputSize;
    this.outputSize = last.outputSize;
    this.fusedOutput = null;
    if (this.loss === "bce" || this.loss === "softmax-ce") {
      const link = this.loss === "bce" ? "sigmoid" : "softmax";
      if (!(last instanceof Dense) || last.activationName !== link) {
        throw new ComputeError(
          "Sequential",
          `loss ${this.loss} needs a final dense layer with ${link}, got ${describe(last)}`,
        );
      }
      this.fusedOutput = last;
    }
    this.paramList = layers.flatMap((layer) => layer.params());
    this.decayed = this.paramList.filter((p) => p.decay);
    this.lossGrad = new BatchCache((batch) => new Float64Array(batch * this.outputSize));
  }

  /** Every trainable parameter, the same objects and arrays for the life of the model. */
  params(): Param[] {
    return this.paramList;
  }

  /**
   * Output for `batch` rows of x (row-major [batch, inputSize]). The returned
   * array is the last layer's buffer: read it before the next call.
   */
  forward(x: Float64Array, batch: number, training = false): Float64Array {
    this.checkInput("forward", x, batch);
    return this.forwardUnchecked(x, batch, training);
  }

  /** Evaluation-mode outputs for any number of rows, as a new array. */
  predict(x: Float64Array, batch: number): Float64Array {
    this.checkInput("predict", x, batch);
    const out = new Float64Array(batch * this.outputSize);
    for (let start = 0; start < batch; start += PREDICT_CHUNK) {
      const rows = Math.min(PREDICT_CHUNK, batch - start);
      const chunk = x.subarray(start * this.inputSize, (start + rows) * this.inputSize);
      out.set(this.forwardUnchecked(chunk, rows, false), start * this.outputSize);
    }
    return out;
  }

  /**
   * The data loss on (x, y) without touching gradients, in evaluation mode
   * unless `training` (which, like a training step, draws new dropout masks
   * unless frozen and moves batch-norm running averages).
   */
  evaluate(x: Float64Array, y: Float64Array, batch: number, training = false): number {
    this.checkBatch("evaluate", x, y, batch);
    this.forwardUnchecked(x, batch, training);
    return this.lossValue(y, batch, null);
  }

  /** ½λ‖w‖² over the decayed parameters (0 without weight decay). */
  weightPenalty(): number {
    if (this.weightDecay === 0) return 0;
    let sum = 0;
    for (const p of this.decayed) for (let i = 0; i < p.data.length; i++) sum += p.data[i]! * p.data[i]!;
    return 0.5 * this.weightDecay * sum;
  }

  /**
   * Forward in training mode, loss, backward: overwrites every Param's grad
   * with ∂(data loss + weight penalty)/∂param and returns the data loss.
   */
  computeGradients(x: Float64Array, y: Float64Array, batch: number): number {
    this.checkBatch("computeGradients", x, y, batch);
    return this.gradientsUnchecked(x, y, batch);
  }

  /**
   * One step of training on a batch: forward, loss, backward, optimizer
   * update. Returns the data loss before the update. Allocates nothing once
   * buffers exist for this batch size.
   */
  trainStep(x: Float64Array, y: Float64Array, batch: number, optimizer: Optimizer): number {
    this.checkBatch("trainStep", x, y, batch);
    const loss = this.gradientsUnchecked(x, y, batch);
    if (!Number.isFinite(loss)) {
      throw new ComputeError(
        "trainStep",
        `loss is ${loss}; training diverged (learning rate ${optimizer.learningRate})`,
      );
    }
    optimizer.step(this.paramList);
    for (const p of this.paramList) {
      // x·0 is 0 for every finite x and NaN for NaN or ±Infinity: one cheap pass finds any bad value.
      let probe = 0;
      const d = p.data;
      for (let i = 0; i < d.length; i++) probe += d[i]! * 0;
      if (probe !== 0) {
        throw new ComputeError(
          "trainStep",
          `optimizer ${optimizer.name} left a non-finite value in ${p.name}`,
        );
      }
    }
    return loss;
  }

  private forwardUnchecked(x: Float64Array, batch: number, training: boolean): Float64Array {
    let h = x;
    for (const layer of this.layers) h = layer.forward(h, batch, training);
    return h;
  }

  /** The loss of the last forward pass against y (from the logits when the output is fused). */
  private lossValue(y: Float64Array, batch: number, grad: Float64Array | null): number {
    const last = this.layers[this.layers.length - 1]!;
    const pred = this.fusedOutput !== null ? this.fusedOutput.preActivation! : last.output!;
    return lossKernels[this.loss](pred, y, batch, this.outputSize, grad);
  }

  private gradientsUnchecked(x: Float64Array, y: Float64Array, batch: number): number {
    this.forwardUnchecked(x, batch, true);
    const grad = this.lossGrad.get(batch);
    const loss = this.lossValue(y, batch, grad);
    const layers = this.layers;
    let g: Float64Array | null;
    const lastIndex = layers.length - 1;
    if (this.fusedOutput !== null) g = this.fusedOutput.backwardFromPreActivation(grad, batch, lastIndex > 0);
    else g = layers[lastIndex]!.backward(grad, batch, lastIndex > 0);
    for (let i = lastIndex - 1; i >= 0 && g !== null; i--) g = layers[i]!.backward(g, batch, i > 0);
    const lambda = this.weightDecay;
    if (lambda > 0) {
      for (const p of this.decayed) for (let i = 0; i < p.data.length; i++) p.grad[i]! += lambda * p.data[i]!;
    }
    return loss;
  }

  private checkInput(op: string, x: Float64Array, batch: number): void {
    assertPositiveInt(op, "batch", batch);
    if (x.length !== batch * this.inputSize) {
      throw new ComputeError(
        op,
        `x has ${x.length} values, expected [${batch}, ${this.inputSize}] = ${batch * this.inputSize}`,
      );
    }
    assertFinite(op, x, "x");
  }

  private checkBatch(op: string, x: Float64Array, y: Float64Array, batch: number): void {
    this.checkInput(op, x, batch);
    if (y.length !== batch * this.outputSize) {
      throw new ComputeError(
        op,
        `y has ${y.length} values, expected [${batch}, ${this.outputSize}] = ${batch * this.outputSize}`,
      );
    }
    assertTargets(op, this.loss, y);
  }
}

function describe(layer: Layer): string {
  return layer instanceof Dense
    ? `dense ${layer.name} with ${layer.activationName}`
    : `${layer.kind} ${layer.name}`;
}
