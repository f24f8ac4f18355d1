import { describe, expect, it } from "vitest";
import {
  activationStats,
  createDecisionGrid,
  deadReluUnits,
  decisionGrid,
  gradientNorms,
  lossSurface,
  moments,
} from "@/lib/compute/diagnostics";
import { type Dense, buildMlp } from "@/lib/compute/nn";
import { Random } from "@/lib/compute/random";
import { randomArray } from "./numeric-gradient";

/** y = 1·x₁ + 2·x₂ + 0.5: a model whose outputs and losses have closed forms. */
function linearModel() {
  const model = buildMlp({ inputs: 2, layers: [{ units: 1, activation: "identity" }], loss: "mse", seed: 1 });
  const dense = model.layers[0] as Dense;
  dense.weight.data.set([1, 2]);
  dense.bias.data.set([0.5]);
  return model;
}

describe("moments of a buffer", () => {
  it("are the mean, the population standard deviation and the share of exact zeros", () => {
    expect(moments(Float64Array.of(0, 0, 2, 6))).toEqual({
      mean: 2,
      std: Math.sqrt((4 + 4 + 0 + 16) / 4),
      zeroFraction: 0.5,
    });
  });
});

describe("activation statistics per layer", () => {
  it("report every layer's output, and the pre-activation of dense layers with an activation", () => {
    const model = buildMlp({
      inputs: 2,
      layers: [{ units: 3, activation: "relu" }, { units: 1 }],
      loss: "mse",
      seed: 1,
    });
    const dense = model.layers[0] as Dense;
    dense.weight.data.set([1, 0, -1, 0, 0, 0]);
    dense.bias.data.set([0, 0, 0]);
    // Rows (1, 5) and (3, 7): unit 0 gives 1 and 3, unit 1 gives 0 (ReLU of -1 and -3), unit 2 gives 0.
    const stats = activationStats(model, Float64Array.of(1, 5, 3, 7), 2);
    expect(stats[0]).toMatchObject({ layer: "dense1", kind: "dense", zeroFraction: 4 / 6 });
    expect(stats[0]!.mean).toBeCloseTo(4 / 6, 15);
    expect(stats[0]!.preActivation!.mean).toBeCloseTo(0, 15);
    expect(stats[0]!.preActivation!.zeroFraction).toBeCloseTo(2 / 6, 15);
    expect(stats[1]!.preActivation).toBeUndefined();
  });
});

describe("gradient norms per layer", () => {
  it("are the L2 norms of the gradients the last backward pass left", () => {
    const model = buildMlp({
      inputs: 2,
      layers: [{ units: 4, activation: "tanh" }, { units: 1 }],
      loss: "mse",
      seed: 2,
    });
    const rng = new Random(1);
    model.computeGradients(randomArray(rng, 10), randomArray(rng, 5), 5);
    const norms = gradientNorms(model);
    expect(norms.map((n) => n.layer)).toEqual(["dense1", "dense2"]);
    const [w1, b1] = model.params();
    const l2 = (a: Float64Array) => Math.sqrt(a.reduce((s, v) => s + v * v, 0));
    expect(norms[0]!.params).toEqual([
      { name: "dense1.W", norm: l2(w1!.grad) },
      { name: "dense1.b", norm: l2(b1!.grad) },
    ]);
    expect(norms[0]!.norm).toBeCloseTo(Math.hypot(l2(w1!.grad), l2(b1!.grad)), 15);
  });
});

describe("dead ReLU units over a data set", () => {
  it("count units whose output is 0 for every example, across chunks of a large set", () => {
    const model = buildMlp({
      inputs: 2,
      layers: [
        { units: 4, activation: "relu" },
        { units: 3, activation: "relu", batchNorm: true },
        { units: 1 },
      ],
      loss: "mse",
      seed: 3,
    });
    const dense = model.layers[0] as Dense;
    // Inputs lie in [0, 1]²: units 1 and 3 can never fire (weights ≤ 0, bias < 0); unit 0 fires only on the last row.
    dense.weight.data.set([1, 1, -1, -1, 0.5, 0.5, 0, -2]);
    dense.bias.data.set([-1.99, -0.1, 0.1, -0.5]);
    const rows = 2500;
    const x = new Float64Array(2 * rows);
    for (let i = 0; i < rows - 1; i++) {
      x[2 * i] = (i % 50) / 100;
      x[2 * i + 1] = Math.floor(i / 50) / 100;
    }
    x.fill(1, 2 * (rows - 1));
    const report = deadReluUnits(model, x, rows);
    expect(report.layers[0]).toEqual({ layer: "dense1", units: 4, dead: 2, fraction: 0.5 });
    expect(report.layers[1]!.layer).toBe("act2");
    expect(report.units).toBe(7);
  });
});

describe("the loss surface over two weights", () => {
  it("equals the closed-form quadratic of a linear model, and leaves the weights as they were", () => {
    const model = linearModel();
    const x = Float64Array.of(1, 0, 0, 1, 1, 1);
    const y = Float64Array.of(1, 1, 2);
    const surface = lossSurface(model, x, y, 3, {
      first: { param: "dense1.W", index: 0 },
      second: { param: "dense1.b", index: 0 },
      span: 1,
      steps: 5,
    });
    expect(Array.from(surface.first)).toEqual([0, 0.5, 1, 1.5, 2]);
    expect(Array.from(surface.second)).toEqual([-0.5, 0, 0.5, 1, 1.5]);
    for (let r = 0; r < 5; r++) {
      for (let c = 0; c < 5; c++) {
        const w1 = surface.first[c]!;
        const b = surface.second[r]!;
        const expected = ((w1 + b - 1) ** 2 + (2 + b - 1) ** 2 + (w1 + 2 + b - 2) ** 2) / 3;
        expect(surface.losses[r * 5 + c]).toBeCloseTo(expected, 14);
      }
    }
    expect(Array.from(model.params()[0]!.data)).toEqual([1, 2]);
    expect(Array.from(model.params()[1]!.data)).toEqual([0.5]);
  });

  it("names an unknown parameter or an index outside it", () => {
    const model = linearModel();
    const x = Float64Array.of(0, 0);
    const y = Float64Array.of(0);
    const ref = { param: "dense1.W", index: 0 };
    expect(() =>
      lossSurface(model, x, y, 1, { first: { param: "dense9.W", index: 0 }, second: ref }),
    ).toThrow('lossSurface: no parameter "dense9.W"; the model has dense1.W, dense1.b');
    expect(() =>
      lossSurface(model, x, y, 1, { first: ref, second: { param: "dense1.W", index: 2 } }),
    ).toThrow("lossSurface: index 2 is outside dense1.W (2 values)");
  });
});

describe("decision values on a 2-D grid", () => {
  it("evaluate the model at (xs[c], ys[r]) for every row r and column c", () => {
    const grid = decisionGrid(linearModel(), { x: [-1, 1], y: [0, 2], resolution: 3 });
    expect(Array.from(grid.xs)).toEqual([-1, 0, 1]);
    expect(Array.from(grid.ys)).toEqual([0, 1, 2]);
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 3; c++) expect(grid.values[r * 3 + c]).toBe(grid.xs[c]! + 2 * grid.ys[r]! + 0.5);
    }
  });

  it("reuse the same values array on every redraw and follow the model as it changes", () => {
    const model = linearModel();
    const grid = createDecisionGrid(model, { x: [0, 1], y: [0, 1] });
    expect(grid.resolution).toBe(50);
    const first = grid.evaluate();
    expect(first[0]).toBe(0.5);
    (model.layers[0] as Dense).bias.data[0] = 1.5;
    expect(grid.evaluate()).toBe(first);
    expect(first[0]).toBe(1.5);
  });

  it("pick one output of a softmax model", () => {
    const model = buildMlp({
      inputs: 2,
      layers: [{ units: 3, activation: "softmax" }],
      loss: "softmax-ce",
      seed: 1,
    });
    const grid = decisionGrid(model, { x: [0, 1], y: [0, 1], resolution: 2, output: 2 });
    const all = model.predict(Float64Array.of(0, 0, 1, 0, 0, 1, 1, 1), 4);
    expect(Array.from(grid.values)).toEqual([all[2], all[5], all[8], all[11]]);
  });

  it("refuse a model without 2 inputs, an empty range and an output it does not have", () => {
    const wide = buildMlp({ inputs: 3, layers: [{ units: 1 }], loss: "mse", seed: 1 });
    expect(() => createDecisionGrid(wide, { x: [0, 1], y: [0, 1] })).toThrow(
      "decisionGrid: needs a model with 2 inputs, this one takes 3",
    );
    expect(() => createDecisionGrid(linearModel(), { x: [1, 1], y: [0, 1] })).toThrow(
      "decisionGrid: x range needs min < max, got [1, 1]",
    );
    expect(() => createDecisionGrid(linearModel(), { x: [0, NaN], y: [0, 1] })).toThrow(
      "decisionGrid: x has NaN at index 1",
    );
    expect(() => createDecisionGrid(linearModel(), { x: [0, 1], y: [0, 1], output: 1 })).toThrow(
      "decisionGrid: output 1 is outside the model's 1 outputs",
    );
    expect(() => createDecisionGrid(linearModel(), { x: [0, 1], y: [0, 1], resolution: -5 })).toThrow(
      "decisionGrid: resolution must be a positive integer, got -5",
    );
  });
});
