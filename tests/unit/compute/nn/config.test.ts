import { describe, expect, it } from "vitest";
import { ComputeError } from "@/lib/compute/errors";
import type { ActivationLayer } from "@/lib/compute/nn";
import {
  BatchNorm,
  Dense,
  Dropout,
  type MlpConfig,
  PReLU,
  Sequential,
  buildMlp,
  defaultInitializer,
  validateMlpConfig,
} from "@/lib/compute/nn";
import type { Optimizer } from "@/lib/compute/types";
import { Random } from "@/lib/compute/random";

const base: MlpConfig = {
  inputs: 2,
  layers: [{ units: 16, activation: "tanh", init: "xavier-uniform" }, { units: 1 }],
  loss: "mse",
  seed: 1,
};

const noop: Optimizer = { name: "noop", learningRate: 0, step() {} };

describe("an MLP config", () => {
  it("survives a round trip through JSON (as in a URL) and rebuilds the same weights", () => {
    const config: MlpConfig = {
      inputs: 2,
      layers: [
        { units: 8, activation: "prelu", batchNorm: true, dropout: 0.1 },
        { units: 4, activation: "leaky-relu", alpha: 0.2, init: { name: "normal", std: 0.3 } },
        { units: 3, activation: "softmax" },
      ],
      loss: "softmax-ce",
      seed: 12,
      weightDecay: 1e-4,
    };
    const copy = JSON.parse(JSON.stringify(config)) as MlpConfig;
    const a = buildMlp(config);
    const b = buildMlp(copy);
    expect(b.params().map((p) => Array.from(p.data))).toEqual(a.params().map((p) => Array.from(p.data)));
    expect(a.layers.map((l) => l.name)).toEqual(["dense1", "bn1", "prelu1", "dropout1", "dense2", "dense3"]);
    expect(a.layers.map((l) => l.constructor)).toEqual([Dense, BatchNorm, PReLU, Dropout, Dense, Dense]);
    expect(a.weightDecay).toBe(1e-4);
  });

  it("fuses the activation into the dense layer unless batch norm sits between them", () => {
    const fused = buildMlp(base);
    expect(fused.layers.map((l) => l.kind)).toEqual(["dense", "dense"]);
    expect((fused.layers[0] as Dense).activationName).toBe("tanh");
    const split = buildMlp({
      ...base,
      layers: [{ units: 4, activation: "relu", batchNorm: true }, { units: 1 }],
    });
    expect(split.layers.map((l) => l.kind)).toEqual(["dense", "batch-norm", "activation", "dense"]);
    expect((split.layers[2] as ActivationLayer).activation.name).toBe("relu");
  });

  it("defaults to ReLU hidden layers, the loss's natural output, and He or Xavier weights by activation", () => {
    const model = buildMlp({ inputs: 2, layers: [{ units: 4 }, { units: 1 }], loss: "bce", seed: 1 });
    expect(model.layers.map((l) => (l as Dense).activationName)).toEqual(["relu", "sigmoid"]);
    expect(defaultInitializer("relu")).toBe("he-uniform");
    expect(defaultInitializer("selu")).toBe("lecun-normal");
    expect(defaultInitializer("tanh")).toBe("xavier-uniform");
    // He uniform draws within ±√(6/fanIn) = ±√3.
    for (const w of (model.layers[0] as Dense).weight.data)
      expect(Math.abs(w)).toBeLessThanOrEqual(Math.sqrt(3));
  });

  it("stores each dense layer's weights [out][in] and excludes biases from decay", () => {
    const model = buildMlp(base);
    const [w1, b1] = model.params();
    expect(w1).toMatchObject({ name: "dense1.W", shape: [16, 2], decay: true });
    expect(b1).toMatchObject({ name: "dense1.b", shape: [16], decay: false });
  });
});

describe("a config with a bad field", () => {
  const cases: [string, unknown, RegExp][] = [
    [
      "unknown activation",
      { ...base, layers: [{ units: 4, activation: "swishy" }, { units: 1 }] },
      /mlp: layers\[0\]: unknown activation "swishy"/,
    ],
    [
      "unknown loss",
      { ...base, loss: "hinge" },
      /mlp: unknown loss "hinge"; expected one of mse, mae, bce, softmax-ce/,
    ],
    [
      "negative units",
      { ...base, layers: [{ units: -3 }, { units: 1 }] },
      /mlp: layers\[0\].units must be a positive integer, got -3/,
    ],
    ["fractional inputs", { ...base, inputs: 2.5 }, /mlp: inputs must be a positive integer, got 2.5/],
    ["no layers", { ...base, layers: [] }, /mlp: layers must be a non-empty array/],
    [
      "negative weight decay",
      { ...base, weightDecay: -1 },
      /mlp: weightDecay must be a finite number ≥ 0, got -1/,
    ],
    ["missing seed", { ...base, seed: undefined }, /mlp: seed must be a finite number/],
    ["unknown key", { ...base, optimiser: "adam" }, /mlp: unknown config key "optimiser"/],
    [
      "unknown initializer",
      { ...base, layers: [{ units: 4, init: "orthogonal" }, { units: 1 }] },
      /mlp: layers\[0\]: unknown init "orthogonal"/,
    ],
    [
      "dropout rate 1",
      { ...base, layers: [{ units: 4, dropout: 1 }, { units: 1 }] },
      /mlp: layers\[0\].dropout must lie in \[0, 1\), got 1/,
    ],
    [
      "softmax on a hidden layer",
      { ...base, layers: [{ units: 4, activation: "softmax" }, { units: 1 }] },
      /only allowed on the output layer/,
    ],
    [
      "bce without a sigmoid output",
      { ...base, loss: "bce", layers: [{ units: 4 }, { units: 1, activation: "identity" }] },
      /mlp: layers\[1\]: loss bce needs a sigmoid output, got identity/,
    ],
    [
      "softmax-ce with a tanh output",
      { ...base, loss: "softmax-ce", layers: [{ units: 3, activation: "tanh" }] },
      /softmax-ce needs a softmax output, got tanh/,
    ],
    [
      "dropout on the output",
      { ...base, layers: [{ units: 1, dropout: 0.5 }] },
      /the output layer cannot have dropout/,
    ],
  ];
  for (const [situation, config, message] of cases) {
    it(`throws a ComputeError naming the field: ${situation}`, () => {
      expect(() => validateMlpConfig(config)).toThrow(ComputeError);
      expect(() => buildMlp(config as MlpConfig)).toThrow(message);
    });
  }
});

describe("a model given bad data", () => {
  const model = buildMlp(base);
  it("names the op and the shapes on a size mismatch", () => {
    expect(() => model.trainStep(new Float64Array(5), new Float64Array(2), 2, noop)).toThrow(
      "trainStep: x has 5 values, expected [2, 2] = 4",
    );
    expect(() => model.trainStep(new Float64Array(4), new Float64Array(3), 2, noop)).toThrow(
      "trainStep: y has 3 values, expected [2, 1] = 2",
    );
    expect(() => model.forward(new Float64Array(4), -2)).toThrow(
      "forward: batch must be a positive integer, got -2",
    );
    expect(() => model.predict(new Float64Array(3), 1.5)).toThrow(
      /predict: batch must be a positive integer, got 1.5/,
    );
  });

  it("names NaN and Infinity in inputs and targets with their index", () => {
    expect(() => model.trainStep(Float64Array.of(0, NaN), Float64Array.of(1), 1, noop)).toThrow(
      "trainStep: x has NaN at index 1",
    );
    expect(() => model.computeGradients(Float64Array.of(0, 1), Float64Array.of(-Infinity), 1)).toThrow(
      "computeGradients: target has -Infinity at index 0",
    );
  });

  it("stops with an error instead of charting NaN when training diverges", () => {
    const explode: Optimizer = {
      name: "explode",
      learningRate: 1e308,
      step(params) {
        for (const p of params) for (let i = 0; i < p.data.length; i++) p.data[i]! -= 1e308 * p.grad[i]!;
      },
    };
    const m = buildMlp(base);
    const x = Float64Array.of(1, 1);
    const y = Float64Array.of(1e6);
    expect(() => {
      for (let i = 0; i < 5; i++) m.trainStep(x, y, 1, explode);
    }).toThrow(
      /trainStep: (optimizer explode left a non-finite value in dense\d\.[Wb]|loss is (NaN|Infinity))/,
    );
  });

  it("rejects layers whose sizes do not chain and an output that does not fit the loss", () => {
    const rng = new Random(1);
    const d1 = new Dense({ name: "a", inputs: 2, units: 3, init: "zeros", rng });
    const d2 = new Dense({ name: "b", inputs: 4, units: 1, init: "zeros", rng });
    expect(() => new Sequential([d1, d2], { loss: "mse" })).toThrow(
      "Sequential: layer a outputs 3 values but b takes 4",
    );
    expect(() => new Sequential([d1], { loss: "bce" })).toThrow(
      "Sequential: loss bce needs a final dense layer with sigmoid, got dense a with identity",
    );
    expect(() => new Sequential([d1], { loss: "l2" as never })).toThrow('Sequential: unknown loss "l2"');
    expect(() => new Dense({ name: "c", inputs: 0, units: 1, init: "zeros", rng })).toThrow(
      "dense c: inputs must be a positive integer, got 0",
    );
  });
});
