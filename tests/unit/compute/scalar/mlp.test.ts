import { describe, expect, it } from "vitest";
import { ComputeError } from "@/lib/compute/errors";
import { Random } from "@/lib/compute/random";
import {
  layer,
  mlp,
  neuron,
  scalarActivationNames,
  scalarMlpForward,
  sum,
  Value,
  type LayerWeights,
} from "@/lib/compute/scalar";
import { centralDifference, MAX_RELATIVE_ERROR, relativeError } from "./finite-difference";

function randomWeights(sizes: number[], seed: number): LayerWeights[] {
  const rng = new Random(seed);
  return sizes.slice(1).map((out, l) => ({
    W: Array.from({ length: out }, () => Array.from({ length: sizes[l]! }, () => rng.uniformIn(-1, 1))),
    b: Array.from({ length: out }, () => rng.uniformIn(-0.5, 0.5)),
  }));
}

/** Squared error against fixed targets, so every output contributes a gradient. */
function loss(outputs: Value[], targets: number[]): Value {
  return sum(outputs.map((o, k) => o.sub(targets[k]!).pow(2))).named("L");
}

describe("scalarMlpForward on a 3-4-2 network", () => {
  const weights = randomWeights([3, 4, 2], 7);
  const x = [0.3, -1.2, 0.8];

  it("computes the same outputs as plain loops over the arrays (tanh, then sigmoid)", () => {
    const hidden = weights[0]!.W.map((row, j) =>
      Math.tanh(row.reduce((s, w, i) => s + w * x[i]!, 0) + weights[0]!.b[j]!),
    );
    const expected = weights[1]!.W.map((row, j) => {
      const z = row.reduce((s, w, i) => s + w * hidden[i]!, 0) + weights[1]!.b[j]!;
      return 1 / (1 + Math.exp(-z));
    });
    const net = scalarMlpForward(weights, ["tanh", "sigmoid"], x);
    net.outputs.forEach((o, k) => expect(o.data).toBeCloseTo(expected[k]!, 15));
  });

  it("returns parameters shaped like the weights, layer by layer, W before b", () => {
    const net = scalarMlpForward(weights, ["relu", "identity"], x);
    expect(net.layers.map((l) => [l.W.length, l.W[0]!.length, l.b.length])).toEqual([
      [4, 3, 4],
      [2, 4, 2],
    ]);
    expect(net.parameters).toHaveLength(4 * 3 + 4 + 2 * 4 + 2);
    expect(net.parameters[0]).toBe(net.layers[0]!.W[0]![0]);
    expect(net.parameters[12]).toBe(net.layers[0]!.b[0]);
    expect(net.layers[0]!.W[1]![2]!.label).toBe("W1[1,2]");
    expect(net.outputs[1]!.label).toBe("z2[1]"); // identity adds no node: the output is z itself
    expect(net.activations[0]![0]!.label).toBe("a1[0]");
  });

  for (const activation of scalarActivationNames) {
    it(`gives every parameter's gradient to within 1e-6 of central differences (${activation})`, () => {
      const targets = [0.25, -0.5];
      const net = scalarMlpForward(weights, [activation, activation], x);
      loss(net.outputs, targets).backward();
      const lossAt = (w: LayerWeights[]) =>
        loss(scalarMlpForward(w, [activation, activation], x).outputs, targets).data;
      weights.forEach((layerWeights, l) => {
        layerWeights.W.forEach((row, j) =>
          row.forEach((w0, i) => {
            const numeric = centralDifference((w) => {
              const copy = structuredClone(weights);
              copy[l]!.W[j]![i] = w;
              return lossAt(copy);
            }, w0);
            expect(relativeError(net.layers[l]!.W[j]![i]!.grad, numeric)).toBeLessThan(MAX_RELATIVE_ERROR);
          }),
        );
        layerWeights.b.forEach((b0, j) => {
          const numeric = centralDifference((b) => {
            const copy = structuredClone(weights);
            copy[l]!.b[j] = b;
            return lossAt(copy);
          }, b0);
          expect(relativeError(net.layers[l]!.b[j]!.grad, numeric)).toBeLessThan(MAX_RELATIVE_ERROR);
        });
      });
    });
  }

  it("passes the leaky-relu α to every layer", () => {
    const net = scalarMlpForward(weights, ["leaky-relu", "identity"], x, { alpha: 0.2 });
    expect(net.activations[0]!.every((a) => a.param === 0.2)).toBe(true);
  });
});

describe("neuron, layer and mlp over Values the caller made", () => {
  it("neuron computes z = Σ wᵢxᵢ + b and its activation", () => {
    const w = [new Value(0.5), new Value(-2)];
    const x = [new Value(3), new Value(0.25)];
    const { z, a } = neuron(w, new Value(0.1), x, "relu");
    expect(z.data).toBeCloseTo(1.1, 15); // 1.5 − 0.5 + 0.1
    expect(a.data).toBeCloseTo(1.1, 15);
  });

  it("layer and mlp chain units and layers", () => {
    const params = { W: [[new Value(1)], [new Value(-1)]], b: [new Value(0), new Value(0)] };
    const out = layer(params, [new Value(2)], "relu", 1);
    expect(out.a.map((v) => v.data)).toEqual([2, 0]);
    const second = { W: [[new Value(1), new Value(1)]], b: [new Value(0.5)] };
    expect(mlp([params, second], ["relu", "identity"], [new Value(2)])[0]!.data).toBe(2.5);
  });
});

describe("scalarMlpForward with bad input", () => {
  const w = randomWeights([2, 3, 1], 1);
  const fails = (f: () => unknown, pattern: RegExp) => {
    expect(f).toThrow(ComputeError);
    expect(f).toThrow(pattern);
  };

  it("names the layer and the lengths on a shape mismatch", () => {
    fails(() => scalarMlpForward(w, ["tanh", "tanh"], [1, 2, 3]), /layer 1: W\[0\] has length 2, expected 3/);
    const ragged = structuredClone(w);
    ragged[1]!.W[0]!.pop();
    fails(
      () => scalarMlpForward(ragged, ["tanh", "tanh"], [1, 2]),
      /layer 2: W\[0\] has length 2, expected 3/,
    );
    const shortBias = structuredClone(w);
    shortBias[0]!.b.pop();
    fails(() => scalarMlpForward(shortBias, ["tanh", "tanh"], [1, 2]), /layer 1: b has length 2, expected 3/);
  });

  it("rejects a wrong number of activations, no layers or an empty input", () => {
    fails(() => scalarMlpForward(w, ["tanh"], [1, 2]), /2 layers, 1 activations/);
    fails(() => scalarMlpForward([], [], [1]), /at least one layer/);
    fails(() => scalarMlpForward(w, ["tanh", "tanh"], []), /input x is empty/);
  });

  it("rejects an unknown activation and a NaN weight, naming them", () => {
    fails(() => scalarMlpForward(w, ["tanh", "softmax"], [1, 2]), /unknown activation "softmax"/);
    const nan = structuredClone(w);
    nan[0]!.W[1]![0] = NaN;
    fails(() => scalarMlpForward(nan, ["tanh", "tanh"], [1, 2]), /NaN.*"W1\[1,0\]"/);
    fails(() => scalarMlpForward(w, ["tanh", "tanh"], [1, Infinity]), /Infinity.*"x\[1\]"/);
  });

  it("rejects a neuron with mismatched weights and inputs", () => {
    fails(() => neuron([new Value(1)], new Value(0), [], "tanh"), /^neuron: .*1 weights for 0 inputs/);
  });
});
