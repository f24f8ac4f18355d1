import { ComputeError, assertPositiveInt } from "../errors";
import type { Random } from "../random";
import type { Param } from "../types";
import { BatchCache } from "./batch-cache";
import type { Layer } from "./layer";

type Buffers = { mask: Float64Array; out: Float64Array; dx: Float64Array };

/**
 * Inverted dropout: in training each unit is kept with probability 1 - rate
 * and scaled by 1/(1 - rate), so the expected activation is unchanged and
 * evaluation is the identity (no rescaling at test time). The mask comes from
 * the layer's own Random, so a seed fixes every mask of a run.
 */
export class Dropout implements Layer {
  readonly kind = "dropout";
  readonly inputSize: number;
  readonly outputSize: number;
  private readonly buffers: BatchCache<Buffers>;
  private frozen = false;
  private lastOutput: Float64Array | null = null;
  private lastTraining = false;

  constructor(
    readonly name: string,
    size: number,
    readonly rate: number,
    private readonly rng: Random,
  ) {
    assertPositiveInt(`dropout ${name}`, "size", size);
    if (!(rate >= 0 && rate < 1)) {
      throw new ComputeError(`dropout ${name}`, `rate must lie in [0, 1), got ${rate}`);
    }
    this.inputSize = size;
    this.outputSize = size;
    this.buffers = new BatchCache((batch) => ({
      mask: new Float64Array(batch * size),
      out: new Float64Array(batch * size),
      dx: new Float64Array(batch * size),
    }));
  }

  params(): Param[] {
    return [];
  }

  get output(): Float64Array | null {
    return this.lastOutput;
  }

  /** The mask (0 or 1/(1 - rate) per element) of the last training pass at the current batch size. */
  get mask(): Float64Array | null {
    return this.buffers.current()?.mask ?? null;
  }

  /**
   * While frozen, training passes reuse the last mask instead of drawing a new
   * one: for gradient checks, and for showing one thinned network at a time.
   */
  freezeMask(frozen = true): void {
    this.frozen = frozen;
  }

  forward(x: Float64Array, batch: number, training: boolean): Float64Array {
    this.lastTraining = training;
    if (!training || this.rate === 0) {
      this.lastOutput = x;
      return x;
    }
    const buf = this.buffers.get(batch);
    const n = batch * this.outputSize;
    if (!this.frozen) {
      const keep = 1 - this.rate;
      const scale = 1 / keep;
      for (let i = 0; i < n; i++) buf.mask[i] = this.rng.uniform() < keep ? scale : 0;
    }
    for (let i = 0; i < n; i++) buf.out[i] = x[i]! * buf.mask[i]!;
    this.lastOutput = buf.out;
    return buf.out;
  }

  backward(gradOut: Float64Array, batch: number, needInputGrad: boolean): Float64Array | null {
    if (!needInputGrad) return null;
    if (!this.lastTraining || this.rate === 0) return gradOut;
    const buf = this.buffers.get(batch);
    const n = batch * this.outputSize;
    for (let i = 0; i < n; i++) buf.dx[i] = gradOut[i]! * buf.mask[i]!;
    return buf.dx;
  }
}
