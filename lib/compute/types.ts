/**
 * A trainable parameter: values and their gradient, same length, row-major
 * with `shape`. Optimizers update `data` in place from `grad`.
 */
export type Param = {
  name: string;
  shape: number[];
  data: Float64Array;
  grad: Float64Array;
  /** False for parameters that weight decay must skip (biases, batch-norm γ/β). */
  decay: boolean;
};

export interface Optimizer {
  readonly name: string;
  /** Applies one update to every parameter from its current gradient. */
  step(params: Param[]): void;
  /** The learning rate the next step will use. */
  learningRate: number;
}
