import type { ActivationOptions } from "../activations";
import { ComputeError } from "../errors";
import { activate } from "./activate";
import { sum, Value } from "./value";

/**
 * A tiny MLP of Values, built from plain arrays, for step-by-step cards and
 * for checking the tensor engine against the scalar one. Weights are stored
 * [out][in] like the tensor engine's, so the same arrays drive both.
 * Layers are numbered from 1 in labels, as in the usual z⁽¹⁾, a⁽¹⁾ notation.
 */
export type LayerWeights = { W: number[][]; b: number[] };
export type ScalarLayer = { W: Value[][]; b: Value[] };
export type ScalarMlp = {
  inputs: Value[];
  layers: ScalarLayer[];
  /** Every parameter, layer by layer: W row by row, then b. */
  parameters: Value[];
  /** Pre-activations z and activations a of each layer (a is z itself for "identity"). */
  preActivations: Value[][];
  activations: Value[][];
  outputs: Value[];
};

/** One unit: z = Σᵢ wᵢxᵢ + b (left to right), a = activation(z). */
export function neuron(
  w: readonly Value[],
  b: Value,
  x: readonly Value[],
  activation: string,
  options: ActivationOptions = {},
): { z: Value; a: Value } {
  if (w.length !== x.length || w.length === 0) {
    throw new ComputeError(
      "neuron",
      `needs one weight per input (at least one), got ${w.length} weights for ${x.length} inputs`,
    );
  }
  const z = sum(w.map((wi, i) => wi.mul(x[i]!))).add(b);
  return { z, a: activate(z, activation, options) };
}

/** Every unit of a layer over the same inputs; `index` (1-based) names the nodes z⁽ˡ⁾ⱼ and a⁽ˡ⁾ⱼ. */
export function layer(
  params: ScalarLayer,
  x: readonly Value[],
  activation: string,
  index: number,
  options: ActivationOptions = {},
): { z: Value[]; a: Value[] } {
  const zs: Value[] = [];
  const as: Value[] = [];
  params.W.forEach((row, j) => {
    const { z, a } = neuron(row, params.b[j]!, x, activation, options);
    z.named(`z${index}[${j}]`, `z^{(${index})}_{${j}}`);
    if (a !== z) a.named(`a${index}[${j}]`, `a^{(${index})}_{${j}}`);
    zs.push(z);
    as.push(a);
  });
  return { z: zs, a: as };
}

/** Layer after layer; returns the last layer's activations. */
export function mlp(
  layers: readonly ScalarLayer[],
  activations: readonly string[],
  x: readonly Value[],
  options: ActivationOptions = {},
): Value[] {
  let h = [...x];
  layers.forEach((params, l) => {
    h = layer(params, h, activations[l]!, l + 1, options).a;
  });
  return h;
}

/**
 * Builds parameter and input Values from plain arrays and runs the forward
 * pass. Call outputs[k].backward() (or backward on a loss built from them)
 * and read the gradients from `layers` or `parameters`.
 */
export function scalarMlpForward(
  weights: readonly LayerWeights[],
  activations: readonly string[],
  x: readonly number[],
  options: ActivationOptions = {},
): ScalarMlp {
  validateShapes(weights, activations, x);
  const inputs = x.map((xi, i) => new Value(xi, { label: `x[${i}]`, tex: `x_{${i}}` }));
  const layers: ScalarLayer[] = weights.map(({ W, b }, l) => ({
    W: W.map((row, j) =>
      row.map((w, i) => new Value(w, { label: `W${l + 1}[${j},${i}]`, tex: `W^{(${l + 1})}_{${j},${i}}` })),
    ),
    b: b.map((bj, j) => new Value(bj, { label: `b${l + 1}[${j}]`, tex: `b^{(${l + 1})}_{${j}}` })),
  }));
  const preActivations: Value[][] = [];
  const acts: Value[][] = [];
  let h: Value[] = inputs;
  layers.forEach((params, l) => {
    const out = layer(params, h, activations[l]!, l + 1, options);
    preActivations.push(out.z);
    acts.push(out.a);
    h = out.a;
  });
  const parameters = layers.flatMap((p) => [...p.W.flat(), ...p.b]);
  return { inputs, layers, parameters, preActivations, activations: acts, outputs: h };
}

function validateShapes(
  weights: readonly LayerWeights[],
  activations: readonly string[],
  x: readonly number[],
): void {
  const op = "scalarMlpForward";
  if (weights.length === 0) throw new ComputeError(op, "needs at least one layer, got 0");
  if (activations.length !== weights.length) {
    throw new ComputeError(
      op,
      `needs one activation per layer: ${weights.length} layers, ${activations.length} activations`,
    );
  }
  let fanIn = x.length;
  if (fanIn === 0) throw new ComputeError(op, "input x is empty");
  weights.forEach(({ W, b }, l) => {
    const rows = W.length;
    if (rows === 0) throw new ComputeError(op, `layer ${l + 1}: W has no rows`);
    W.forEach((row, j) => {
      if (row.length !== fanIn) {
        throw new ComputeError(
          op,
          `layer ${l + 1}: W[${j}] has length ${row.length}, expected ${fanIn} (the layer's inputs)`,
        );
      }
    });
    if (b.length !== rows) {
      throw new ComputeError(op, `layer ${l + 1}: b has length ${b.length}, expected ${rows} (rows of W)`);
    }
    fanIn = rows;
  });
}
