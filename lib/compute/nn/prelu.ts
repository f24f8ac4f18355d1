import { ComputeError, assertPositiveInt } from "../errors";
import type { Param } from "../types";
import { BatchCache } from "./batch-cache";
import { type Layer, makeParam } from "./layer";

/** He et al. (2015) start every slope at 0.25. */
export const PRELU_INITIAL_ALPHA = 0.25;

type Buffers = { out: Float64Array; dx: Float64Array };

/**
 * Parametric ReLU with one learned slope per unit: f(x) = x for x > 0, αⱼ·x
 * otherwise. ∂f/∂αⱼ = x where x ≤ 0, so the slope's gradient sums x·g over
 * the batch's negative inputs. The slopes are excluded from weight decay, as
 * in the paper.
 */
export class PReLU implements Layer {
  readonly kind = "prelu";
  readonly inputSize: number;
  readonly outputSize: number;
  readonly alpha: Param;
  private readonly buffers: BatchCache<Buffers>;
  private readonly paramList: Param[];
  private input: Float64Array | null = null;

  constructor(
    readonly name: string,
    size: number,
    initialAlpha = PRELU_INITIAL_ALPHA,
  ) {
    assertPositiveInt(`prelu ${name}`, "size", size);
    if (!Number.isFinite(initialAlpha))
      throw new ComputeError(`prelu ${name}`, `alpha must be finite, got ${initialAlpha}`);
    this.inputSize = size;
    this.outputSize = size;
    this.alpha = makeParam(`${name}.alpha`, [size], new Float64Array(size).fill(initialAlpha), false);
    this.paramList = [this.alpha];
    this.buffers = new BatchCache((batch) => ({
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

  forward(x: Float64Array, batch: number): Float64Array {
    const buf = this.buffers.get(batch);
    this.input = x;
    const n = this.outputSize;
    const alpha = this.alpha.data;
    for (let i = 0; i < batch; i++) {
      const o = i * n;
      for (let j = 0; j < n; j++) {
        const v = x[o + j]!;
        buf.out[o + j] = v > 0 ? v : alpha[j]! * v;
      }
    }
    return buf.out;
  }

  backward(gradOut: Float64Array, batch: number, needInputGrad: boolean): Float64Array | null {
    const x = this.input;
    if (x === null) throw new ComputeError(`prelu ${this.name}`, "backward called before forward");
    const buf = this.buffers.get(batch);
    const n = this.outputSize;
    const alpha = this.alpha.data;
    const dAlpha = this.alpha.grad;
    dAlpha.fill(0);
    for (let i = 0; i < batch; i++) {
      const o = i * n;
      for (let j = 0; j < n; j++) {
        const v = x[o + j]!;
        const g = gradOut[o + j]!;
        if (v > 0) {
          buf.dx[o + j] = g;
        } else {
          buf.dx[o + j] = alpha[j]! * g;
          dAlpha[j]! += v * g;
        }
      }
    }
    return needInputGrad ? buf.dx : null;
  }
}
