import type { Param } from "../types";

export type LayerKind = "dense" | "activation" | "prelu" | "dropout" | "batch-norm";

/**
 * One stage of a Sequential model, working on row-major [batch, size]
 * buffers. Layers own their output and input-gradient buffers (reused across
 * calls with the same batch size) and keep a reference to their last input
 * for the backward pass, so forward and backward must be paired.
 */
export interface Layer {
  readonly kind: LayerKind;
  readonly name: string;
  readonly inputSize: number;
  readonly outputSize: number;
  /** Returns this layer's output buffer [batch, outputSize], valid until the next forward with this batch size. */
  forward(x: Float64Array, batch: number, training: boolean): Float64Array;
  /**
   * Given ∂loss/∂output, overwrites the gradients of this layer's params and
   * returns ∂loss/∂input (a buffer it owns), or null when needInputGrad is false.
   */
  backward(gradOut: Float64Array, batch: number, needInputGrad: boolean): Float64Array | null;
  /** The same Param objects (and Float64Arrays) for the life of the layer. */
  params(): Param[];
  /** The output of the last forward pass, or null before the first. */
  readonly output: Float64Array | null;
}

export function makeParam(name: string, shape: number[], data: Float64Array, decay: boolean): Param {
  return { name, shape, data, grad: new Float64Array(data.length), decay };
}
