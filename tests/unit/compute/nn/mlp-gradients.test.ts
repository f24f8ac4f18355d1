import { describe, expect, it } from "vitest";
import { activationNames } from "@/lib/compute/activations";
import { type LossName } from "@/lib/compute/losses";
import { type MlpConfig, type Sequential, buildMlp } from "@/lib/compute/nn";
import { Dropout } from "@/lib/compute/nn/dropout";
import { Random } from "@/lib/compute/random";
import {
  RELATIVE_TOLERANCE,
  numericGradient,
  oneHotRows,
  randomArray,
  worstError,
} from "../numeric-gradient";

/**
 * Every parameter's analytic gradient (computeGradients, i.e. the training
 * path) against central differences of the objective the model minimises:
 * the data loss in training mode plus the L2 penalty.
 */
function checkAllParams(model: Sequential, x: Float64Array, y: Float64Array, batch: number) {
  model.computeGradients(x, y, batch);
  const analytic = model.params().map((p) => Float64Array.from(p.grad));
  const objective = () => model.evaluate(x, y, batch, true) + model.weightPenalty();
  return model
    .params()
    .map((p, k) => ({ name: p.name, ...worstError(analytic[k]!, numericGradient(p.data, objective)) }));
}

function expectAccurate(results: { name: string; error: number }[]) {
  const worst = results.reduce((a, b) => (b.error > a.error ? b : a));
  expect(worst.error, JSON.stringify(worst)).toBeLessThan(RELATIVE_TOLERANCE);
}

const BATCH = 5;

function data(loss: LossName, outputs: number, seed: number) {
  const rng = new Random(seed);
  const x = randomArray(rng, BATCH * 3);
  let y: Float64Array;
  if (loss === "softmax-ce") y = oneHotRows(rng, BATCH, outputs);
  else if (loss === "bce")
    y = Float64Array.from({ length: BATCH * outputs }, () => (rng.uniform() < 0.5 ? 0 : 1));
  else y = randomArray(rng, BATCH * outputs);
  return { x, y };
}

function smallMlp(hidden: string, loss: LossName, extra: Partial<MlpConfig> = {}): MlpConfig {
  const outputs = loss === "softmax-ce" ? 3 : 2;
  return {
    inputs: 3,
    // Normal weights of std 0.8 put pre-activations on both sides of every kink and in every regime.
    layers: [
      { units: 4, activation: hidden, init: { name: "normal", std: 0.8 }, bias: 0.1 },
      { units: 4, activation: hidden, init: { name: "normal", std: 0.8 }, bias: -0.1 },
      { units: outputs, init: { name: "normal", std: 0.8 } },
    ],
    loss,
    seed: 7,
    ...extra,
  };
}

describe("a small MLP's gradients against central differences", () => {
  const hiddenActivations = [...activationNames, "prelu"];
  const losses: LossName[] = ["mse", "mae", "bce", "softmax-ce"];
  for (const loss of losses) {
    for (const hidden of hiddenActivations) {
      it(`agree to 1e-6 for every parameter with ${hidden} hidden units and ${loss}`, () => {
        const config = smallMlp(hidden, loss);
        const model = buildMlp(config);
        const { x, y } = data(loss, model.outputSize, 11);
        expectAccurate(checkAllParams(model, x, y, BATCH));
      });
    }
  }

  for (const output of ["tanh", "sigmoid", "softplus", "softmax"]) {
    it(`agree with an ${output} output layer under mse`, () => {
      const config = smallMlp("tanh", "mse");
      config.layers[2] = { units: 2, activation: output, init: { name: "normal", std: 0.8 } };
      const model = buildMlp(config);
      const { x, y } = data("mse", 2, 12);
      expectAccurate(checkAllParams(model, x, y, BATCH));
    });
  }

  it("include the L2 weight-decay term on weights and not on biases", () => {
    const model = buildMlp(smallMlp("tanh", "mse", { weightDecay: 0.3 }));
    const { x, y } = data("mse", 2, 13);
    expectAccurate(checkAllParams(model, x, y, BATCH));
    // Decay reaches the weights only: with zero data gradient the bias gradient would stay untouched.
    const withDecay = model.params().map((p) => Float64Array.from(p.grad));
    const plain = buildMlp(smallMlp("tanh", "mse"));
    plain.computeGradients(x, y, BATCH);
    plain.params().forEach((p, k) => {
      const decayed = withDecay[k]!;
      for (let i = 0; i < p.data.length; i++) {
        const expected = p.grad[i]! + (p.decay ? 0.3 * p.data[i]! : 0);
        expect(decayed[i]).toBeCloseTo(expected, 12);
      }
    });
  });
});

describe("dropout with a fixed mask", () => {
  it("passes gradients that agree with central differences", () => {
    const model = buildMlp({
      inputs: 3,
      layers: [
        { units: 6, activation: "tanh", dropout: 0.5 },
        { units: 5, activation: "relu", init: { name: "normal", std: 0.8 }, bias: 0.2, dropout: 0.3 },
        { units: 2 },
      ],
      loss: "mse",
      seed: 3,
    });
    const { x, y } = data("mse", 2, 14);
    model.forward(x, BATCH, true);
    const dropouts = model.layers.filter((l): l is Dropout => l instanceof Dropout);
    expect(dropouts).toHaveLength(2);
    for (const d of dropouts) d.freezeMask();
    expectAccurate(checkAllParams(model, x, y, BATCH));
    // The mask really drops something and scales the rest by 1/(1 - rate).
    const mask = dropouts[0]!.mask!;
    expect(mask.some((m) => m === 0)).toBe(true);
    expect(mask.every((m) => m === 0 || m === 2)).toBe(true);
  });
});

describe("batch normalization in training mode", () => {
  it("gives gradients for γ, β and every weight around it that agree with central differences", () => {
    const model = buildMlp({
      inputs: 3,
      layers: [
        { units: 4, activation: "tanh", batchNorm: true },
        { units: 4, activation: "relu", batchNorm: true, init: { name: "normal", std: 0.8 } },
        { units: 3 },
      ],
      loss: "softmax-ce",
      seed: 5,
    });
    // γ and β start at 1 and 0; move them so the check is not at a special point.
    const rng = new Random(99);
    for (const p of model.params())
      if (/gamma|beta/.test(p.name)) for (let i = 0; i < p.data.length; i++) p.data[i]! += rng.normal(0, 0.3);
    const { x, y } = data("softmax-ce", 3, 15);
    expect(model.params().map((p) => p.name)).toEqual(
      expect.arrayContaining(["bn1.gamma", "bn1.beta", "bn2.gamma", "bn2.beta"]),
    );
    expectAccurate(checkAllParams(model, x, y, BATCH));
  });
});

describe("PReLU", () => {
  it("learns one slope per unit whose gradient agrees with central differences", () => {
    const model = buildMlp({
      inputs: 3,
      layers: [{ units: 4, activation: "prelu", alpha: 0.1, init: { name: "normal", std: 1 } }, { units: 2 }],
      loss: "mse",
      seed: 9,
    });
    const alpha = model.params().find((p) => p.name === "prelu1.alpha")!;
    expect(Array.from(alpha.data)).toEqual([0.1, 0.1, 0.1, 0.1]);
    const { x, y } = data("mse", 2, 16);
    const results = checkAllParams(model, x, y, BATCH);
    expectAccurate(results);
    model.computeGradients(x, y, BATCH);
    expect(alpha.grad.some((g) => Math.abs(g) > 1e-3)).toBe(true);
  });
});
