import { type Activation, type ActivationOptions, activation } from "../activations";
import { ComputeError, assertPositiveInt } from "../errors";
import { type InitializerName, type InitializerSpec, initialize } from "../init";
import type { Random } from "../random";
import { softmaxRowsUnchecked } from "../softmax";
import { columnSums, gemmABt, gemmAtB } from "../tensor/kernels";
import type { Param } from "../types";
import { BatchCache } from "./batch-cache";
import { type Layer, makeParam } from "./layer";

export type DenseOptions = {
  name: string;
  inputs: number;
  units: number;
  /** Any elementwise activation of activations.ts, or "softmax" (row-wise; output layers). Default identity. */
  activation?: string;
  activationOptions?: ActivationOptions;
  init: InitializerName | InitializerSpec;
  /** Initial value of every bias (default 0). */
  initialBias?: number;
  rng: Random;
};

type Buffers = { z: Float64Array; a: Float64Array; dz: Float64Array; dx: Float64Array };

/**
 * A fully connected layer with its activation fused in: Z = X·Wᵀ + b,
 * A = f(Z). W is stored [out][in], so the forward product reads both X and W
 * along rows (gemmABt), and the backward pass computes
 *   dZ = dA ⊙ f'(Z),  dW = dZᵀ·X,  db = Σ_rows dZ,  dX = dZ·W
 * into buffers made once per batch size. The first layer of a model skips
 * dX, which nothing needs.
 */
export class Dense implements Layer {
  readonly kind = "dense";
  readonly name: string;
  readonly inputSize: number;
  readonly outputSize: number;
  readonly activationName: string;
  readonly weight: Param;
  readonly bias: Param;
  /** null for softmax, which is row-wise rather than elementwise. */
  private readonly act: Activation | null;
  private readonly buffers: BatchCache<Buffers>;
  private readonly paramList: Param[];
  /** Wᵀ [in][out], refreshed before each input-gradient product so dX = dZ·W runs as dZ·(Wᵀ)ᵀ in the blocked kernel. */
  private readonly weightT: Float64Array;
  private input: Float64Array | null = null;

  constructor(options: DenseOptions) {
    const op = `dense ${options.name}`;
    assertPositiveInt(op, "inputs", options.inputs);
    assertPositiveInt(op, "units", options.units);
    const biasValue = options.initialBias ?? 0;
    if (!Number.isFinite(biasValue)) throw new ComputeError(op, `bias must be finite, got ${biasValue}`);
    this.name = options.name;
    this.inputSize = options.inputs;
    this.outputSize = options.units;
    this.activationName = options.activation ?? "identity";
    this.act =
      this.activationName === "softmax" ? null : activation(this.activationName, options.activationOptions);
    const weights = initialize(
      options.init,
      { fanIn: options.inputs, fanOut: options.units, count: options.inputs * options.units },
      options.rng,
    );
    this.weight = makeParam(`${this.name}.W`, [options.units, options.inputs], weights, true);
    this.bias = makeParam(
      `${this.name}.b`,
      [options.units],
      new Float64Array(options.units).fill(biasValue),
      false,
    );
    this.paramList = [this.weight, this.bias];
    this.weightT = new Float64Array(weights.length);
    const identity = this.activationName === "identity";
    this.buffers = new BatchCache((batch) => {
      const z = new Float64Array(batch * this.outputSize);
      return {
        z,
        // The identity's output is its input: share the buffer.
        a: identity ? z : new Float64Array(batch * this.outputSize),
        dz: new Float64Array(batch * this.outputSize),
        dx: new Float64Array(batch * this.inputSize),
      };
    });
  }

  params(): Param[] {
    return this.paramList;
  }

  get output(): Float64Array | null {
    return this.buffers.current()?.a ?? null;
  }

  /** Z of the last forward pass (the logits, for an output layer). */
  get preActivation(): Float64Array | null {
    return this.buffers.current()?.z ?? null;
  }

  forward(x: Float64Array, batch: number, _training: boolean): Float64Array {
    const buf = this.buffers.get(batch);
    this.input = x;
    gemmABt(x, this.weight.data, buf.z, batch, this.outputSize, this.inputSize, this.bias.data);
    if (this.act === null) softmaxRowsUnchecked(buf.z, batch, this.outputSize, buf.a);
    else if (buf.a !== buf.z) this.act.forward(buf.z, buf.a);
    return buf.a;
  }

  backward(gradOut: Float64Array, batch: number, needInputGrad: boolean): Float64Array | null {
    const buf = this.buffers.get(batch);
    let dz = buf.dz;
    if (this.act === null) {
      // Softmax Jacobian-vector product: dz_j = a_j (g_j - Σ_k g_k a_k).
      const n = this.outputSize;
      for (let i = 0; i < batch; i++) {
        const o = i * n;
        let dot = 0;
        for (let j = 0; j < n; j++) dot += gradOut[o + j]! * buf.a[o + j]!;
        for (let j = 0; j < n; j++) dz[o + j] = buf.a[o + j]! * (gradOut[o + j]! - dot);
      }
    } else if (buf.a === buf.z) {
      dz = gradOut;
    } else {
      this.act.backward(buf.z, buf.a, gradOut, dz);
    }
    return this.backwardFromPreActivation(dz, batch, needInputGrad);
  }

  /** Backward from ∂loss/∂Z directly: the fused path for sigmoid + BCE and softmax + cross-entropy. */
  backwardFromPreActivation(dz: Float64Array, batch: number, needInputGrad: boolean): Float64Array | null {
    const x = this.input;
    if (x === null) throw new ComputeError(`dense ${this.name}`, "backward called before forward");
    gemmAtB(dz, x, this.weight.grad, batch, this.outputSize, this.inputSize);
    columnSums(dz, this.bias.grad, batch, this.outputSize);
    if (!needInputGrad) return null;
    const dx = this.buffers.get(batch).dx;
    const w = this.weight.data;
    const wt = this.weightT;
    const n = this.outputSize;
    const k = this.inputSize;
    for (let j = 0; j < n; j++) for (let p = 0; p < k; p++) wt[p * n + j] = w[j * k + p]!;
    gemmABt(dz, wt, dx, batch, k, n);
    return dx;
  }
}
