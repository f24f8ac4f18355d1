import { type Activation, type ActivationOptions, activation } from "../activations";
import { ComputeError, assertPositiveInt } from "../errors";
import type { Param } from "../types";
import { BatchCache } from "./batch-cache";
import type { Layer } from "./layer";

type Buffers = { out: Float64Array; dx: Float64Array };

/** An elementwise activation as its own layer (after batch normalization, where it cannot be fused into Dense). */
export class ActivationLayer implements Layer {
  readonly kind = "activation";
  readonly inputSize: number;
  readonly outputSize: number;
  readonly activation: Activation;
  private readonly buffers: BatchCache<Buffers>;
  private input: Float64Array | null = null;

  constructor(
    readonly name: string,
    size: number,
    activationName: string,
    options: ActivationOptions = {},
  ) {
    assertPositiveInt(`activation ${name}`, "size", size);
    this.inputSize = size;
    this.outputSize = size;
    this.activation = activation(activationName, options);
    this.buffers = new BatchCache((batch) => ({
      out: new Float64Array(batch * size),
      dx: new Float64Array(batch * size),
    }));
  }

  params(): Param[] {
    return [];
  }

  get output(): Float64Array | null {
    return this.buffers.current()?.out ?? null;
  }

  forward(x: Float64Array, batch: number): Float64Array {
    const buf = this.buffers.get(batch);
    this.input = x;
    this.activation.forward(x, buf.out);
    return buf.out;
  }

  backward(gradOut: Float64Array, batch: number, needInputGrad: boolean): Float64Array | null {
    if (!needInputGrad) return null;
    if (this.input === null)
      throw new ComputeError(`activation ${this.name}`, "backward called before forward");
    const buf = this.buffers.get(batch);
    this.activation.backward(this.input, buf.out, gradOut, buf.dx);
    return buf.dx;
  }
}
