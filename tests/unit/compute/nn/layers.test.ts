import { describe, expect, it } from "vitest";
import { ComputeError } from "@/lib/compute/errors";
import { BATCH_NORM_DEFAULTS, BatchNorm, Dense, Dropout, PReLU, PRELU_INITIAL_ALPHA } from "@/lib/compute/nn";
import { Random } from "@/lib/compute/random";
import { RELATIVE_TOLERANCE, numericGradient, randomArray, worstError } from "../numeric-gradient";

describe("a dense layer", () => {
  it("computes tanh(X·Wᵀ + b) with W stored [out][in]", () => {
    const layer = new Dense({
      name: "d",
      inputs: 2,
      units: 3,
      activation: "tanh",
      init: "zeros",
      rng: new Random(1),
    });
    layer.weight.data.set([1, 2, 3, 4, 5, 6]); // rows: unit 0 = (1, 2), unit 1 = (3, 4), unit 2 = (5, 6)
    layer.bias.data.set([0.5, -0.5, 0]);
    const out = layer.forward(Float64Array.of(0.1, 0.2, -0.3, 0.4), 2, false);
    const expected = [
      [1 * 0.1 + 2 * 0.2 + 0.5, 3 * 0.1 + 4 * 0.2 - 0.5, 5 * 0.1 + 6 * 0.2],
      [1 * -0.3 + 2 * 0.4 + 0.5, 3 * -0.3 + 4 * 0.4 - 0.5, 5 * -0.3 + 6 * 0.4],
    ].flat();
    expected.forEach((z, i) => expect(out[i]).toBeCloseTo(Math.tanh(z), 15));
  });
});

describe("batch normalization", () => {
  const features = 3;
  const batch = 6;

  it("normalises each feature with the batch mean and biased variance in training", () => {
    const bn = new BatchNorm("bn", features);
    const x = randomArray(new Random(2), batch * features, 3);
    const out = bn.forward(x, batch, true);
    for (let j = 0; j < features; j++) {
      const column = Array.from({ length: batch }, (_, i) => x[i * features + j]!);
      const mean = column.reduce((a, b) => a + b) / batch;
      const variance = column.reduce((a, b) => a + (b - mean) ** 2, 0) / batch;
      column.forEach((v, i) => {
        expect(out[i * features + j]).toBeCloseTo(
          (v - mean) / Math.sqrt(variance + BATCH_NORM_DEFAULTS.epsilon),
          12,
        );
      });
      // Running averages after one step from (0, 1), with the unbiased variance.
      const m = BATCH_NORM_DEFAULTS.momentum;
      expect(bn.runningMean[j]).toBeCloseTo(m * mean, 14);
      expect(bn.runningVariance[j]).toBeCloseTo((1 - m) * 1 + m * ((variance * batch) / (batch - 1)), 14);
    }
  });

  it("uses the running statistics in evaluation, so one row's output does not depend on the others", () => {
    const bn = new BatchNorm("bn", 1);
    bn.runningMean[0] = 2;
    bn.runningVariance[0] = 4;
    bn.gamma.data[0] = 3;
    bn.beta.data[0] = 1;
    const out = bn.forward(Float64Array.of(2, 6), 2, false);
    expect(out[0]).toBeCloseTo(1, 14);
    expect(out[1]).toBeCloseTo(3 * (4 / Math.sqrt(4 + BATCH_NORM_DEFAULTS.epsilon)) + 1, 12);
  });

  it("gives input, γ and β gradients in training mode that agree with central differences", () => {
    const rng = new Random(3);
    const bn = new BatchNorm("bn", features);
    bn.gamma.data.set(randomArray(rng, features));
    bn.beta.data.set(randomArray(rng, features));
    const x = randomArray(rng, batch * features, 2);
    // Objective Σ c ⊙ y with fixed random weights c, so ∂objective/∂y = c.
    const c = randomArray(rng, batch * features);
    const objective = () => {
      const y = bn.forward(x, batch, true);
      let s = 0;
      for (let i = 0; i < y.length; i++) s += c[i]! * y[i]!;
      return s;
    };
    objective();
    const dx = Float64Array.from(bn.backward(c, batch, true)!);
    const dGamma = Float64Array.from(bn.gamma.grad);
    const dBeta = Float64Array.from(bn.beta.grad);
    for (const [analytic, values] of [
      [dx, x],
      [dGamma, bn.gamma.data],
      [dBeta, bn.beta.data],
    ] as const) {
      const worst = worstError(analytic, numericGradient(values, objective));
      expect(worst.error, JSON.stringify(worst)).toBeLessThan(RELATIVE_TOLERANCE);
    }
  });

  it("refuses to train on a single row, whose variance is 0", () => {
    const bn = new BatchNorm("bn", 2);
    expect(() => bn.forward(Float64Array.of(1, 2), 1, true)).toThrow(
      /batch-norm bn: training needs a batch of at least 2 rows, got 1/,
    );
  });
});

describe("dropout", () => {
  it("is the identity in evaluation", () => {
    const d = new Dropout("drop", 4, 0.5, new Random(1));
    const x = Float64Array.of(1, 2, 3, 4);
    expect(d.forward(x, 1, false)).toBe(x);
  });

  it("keeps about 1 - rate of the units in training and scales them by 1/(1 - rate)", () => {
    const rate = 0.25;
    const d = new Dropout("drop", 1000, rate, new Random(4));
    const x = new Float64Array(1000).fill(1);
    const out = d.forward(x, 1, true);
    const kept = out.filter((v) => v !== 0);
    for (const v of kept) expect(v).toBe(1 / (1 - rate));
    expect(kept.length / 1000).toBeGreaterThan(0.7);
    expect(kept.length / 1000).toBeLessThan(0.8);
  });

  it("draws the same masks from the same seed", () => {
    const masks = [1, 2].map(() => {
      const d = new Dropout("drop", 50, 0.5, new Random(8));
      d.forward(new Float64Array(50).fill(1), 1, true);
      return Array.from(d.forward(new Float64Array(50).fill(1), 1, true));
    });
    expect(masks[0]).toEqual(masks[1]);
  });

  it("rejects a rate outside [0, 1)", () => {
    expect(() => new Dropout("drop", 4, 1, new Random(1))).toThrow(ComputeError);
    expect(() => new Dropout("drop", 4, -0.1, new Random(1))).toThrow(
      /dropout drop: rate must lie in \[0, 1\), got -0.1/,
    );
  });
});

describe("PReLU", () => {
  it("starts with slope 0.25 (He et al. 2015) and scales only negative inputs", () => {
    const p = new PReLU("p", 2);
    expect(PRELU_INITIAL_ALPHA).toBe(0.25);
    p.alpha.data[1] = 0.5;
    expect(Array.from(p.forward(Float64Array.of(-4, -4, 3, 3), 2))).toEqual([-1, -2, 3, 3]);
  });
});
