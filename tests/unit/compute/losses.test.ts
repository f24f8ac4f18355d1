import { describe, expect, it } from "vitest";
import { ComputeError } from "@/lib/compute/errors";
import {
  BCE_PROBABILITY_EPSILON,
  binaryCrossEntropy,
  binaryCrossEntropyFromLogits,
  computeLoss,
  lossNames,
  meanAbsoluteError,
  meanSquaredError,
  softmaxCrossEntropy,
} from "@/lib/compute/losses";
import { Random } from "@/lib/compute/random";
import { RELATIVE_TOLERANCE, numericGradient, oneHotRows, randomArray, worstError } from "./numeric-gradient";

describe("mean squared and mean absolute error", () => {
  it("average over every element, with gradients 2(p - y)/n and sign(p - y)/n", () => {
    const p = Float64Array.of(1, 2, 3, 4);
    const y = Float64Array.of(0, 2, 5, 3.5);
    const g = new Float64Array(4);
    expect(meanSquaredError(p, y, g)).toBe((1 + 0 + 4 + 0.25) / 4);
    expect(Array.from(g)).toEqual([0.5, 0, -1, 0.25]);
    expect(meanAbsoluteError(p, y, g)).toBe((1 + 0 + 2 + 0.5) / 4);
    expect(Array.from(g)).toEqual([0.25, 0, -0.25, 0.25]);
  });
});

describe("binary cross-entropy from logits", () => {
  it("equals -[y log σ(z) + (1 - y) log(1 - σ(z))] at moderate z", () => {
    const z = Float64Array.of(0, 1.5, -2);
    const y = Float64Array.of(1, 0, 1);
    const sigma = (v: number) => 1 / (1 + Math.exp(-v));
    const expected =
      [0, 1, 2]
        .map((i) => -(y[i]! * Math.log(sigma(z[i]!)) + (1 - y[i]!) * Math.log(1 - sigma(z[i]!))))
        .reduce((a, b) => a + b) / 3;
    expect(binaryCrossEntropyFromLogits(z, y)).toBeCloseTo(expected, 14);
    expect(binaryCrossEntropyFromLogits(Float64Array.of(0), Float64Array.of(1))).toBeCloseTo(Math.LN2, 15);
  });

  it("stays finite and exact at |z| = 1000, where σ(z) rounds to 0 or 1", () => {
    // A confident mistake costs |z|; a confident hit costs log(1 + e^-|z|) ≈ e^-|z|.
    expect(binaryCrossEntropyFromLogits(Float64Array.of(1000), Float64Array.of(0))).toBe(1000);
    expect(binaryCrossEntropyFromLogits(Float64Array.of(-1000), Float64Array.of(1))).toBe(1000);
    expect(binaryCrossEntropyFromLogits(Float64Array.of(1000), Float64Array.of(1))).toBe(0);
    expect(binaryCrossEntropyFromLogits(Float64Array.of(40), Float64Array.of(1))).toBeCloseTo(
      Math.exp(-40),
      30,
    );
    expect(binaryCrossEntropyFromLogits(Float64Array.of(40), Float64Array.of(1)) / Math.exp(-40)).toBeCloseTo(
      1,
      12,
    );
    const g = new Float64Array(2);
    binaryCrossEntropyFromLogits(Float64Array.of(1000, -1000), Float64Array.of(0, 0), g);
    expect(Array.from(g)).toEqual([0.5, 0]);
  });

  it("has gradient (σ(z) - y)/n that agrees with central differences", () => {
    const rng = new Random(1);
    const z = randomArray(rng, 6, 3);
    const y = Float64Array.from({ length: 6 }, () => rng.uniform());
    const g = new Float64Array(6);
    binaryCrossEntropyFromLogits(z, y, g);
    const worst = worstError(
      g,
      numericGradient(z, () => binaryCrossEntropyFromLogits(z, y)),
    );
    expect(worst.error).toBeLessThan(RELATIVE_TOLERANCE);
  });
});

describe("binary cross-entropy of a probability", () => {
  it("is finite at p = 0 and p = 1 and zero when p matches a hard target", () => {
    expect(binaryCrossEntropy(1, 1)).toBe(0);
    expect(binaryCrossEntropy(0, 0)).toBe(0);
    expect(binaryCrossEntropy(0, 1)).toBeCloseTo(-Math.log(BCE_PROBABILITY_EPSILON), 12);
    expect(binaryCrossEntropy(1, 0)).toBeCloseTo(-Math.log(BCE_PROBABILITY_EPSILON), 12);
    expect(binaryCrossEntropy(0.5, 1)).toBeCloseTo(Math.LN2, 15);
    expect(binaryCrossEntropy(0.2, 0.3)).toBeCloseTo(-(0.3 * Math.log(0.2) + 0.7 * Math.log(0.8)), 15);
  });

  it("rejects probabilities and targets outside [0, 1]", () => {
    expect(() => binaryCrossEntropy(1.5, 1)).toThrow(/binaryCrossEntropy: p must lie in \[0, 1\], got 1.5/);
    expect(() => binaryCrossEntropy(0.5, NaN)).toThrow(/y must lie in \[0, 1\], got NaN/);
  });
});

describe("categorical cross-entropy fused with softmax", () => {
  it("has gradient softmax(z) - onehot, divided by the number of rows", () => {
    const z = Float64Array.of(1, 2, 3, 1000, 1001, 1002);
    const y = Float64Array.of(0, 0, 1, 1, 0, 0);
    const g = new Float64Array(6);
    const loss = softmaxCrossEntropy(z, y, 2, 3, g);
    const s = 1 + Math.exp(-1) + Math.exp(-2);
    const p = [Math.exp(-2) / s, Math.exp(-1) / s, 1 / s];
    // Row 0 picks the largest logit: -log p2; row 1 the smallest: -log p0 = 2 + log s.
    expect(loss).toBeCloseTo((Math.log(s) + (2 + Math.log(s))) / 2, 13);
    const expected = [p[0]!, p[1]!, p[2]! - 1, p[0]! - 1, p[1]!, p[2]!].map((v) => v / 2);
    expected.forEach((v, i) => expect(g[i]).toBeCloseTo(v, 15));
  });

  it("stays finite when the true class has probability that underflows", () => {
    expect(softmaxCrossEntropy(Float64Array.of(0, 2000), Float64Array.of(1, 0), 1, 2)).toBe(2000);
  });

  it("has a gradient for probability targets that agrees with central differences", () => {
    const rng = new Random(2);
    const z = randomArray(rng, 12, 2);
    const y = Float64Array.of(0.2, 0.3, 0.5, 0, 1, 0, 0, 0, 1, 0.25, 0.25, 0.5);
    const g = new Float64Array(12);
    softmaxCrossEntropy(z, y, 4, 3, g);
    expect(
      worstError(
        g,
        numericGradient(z, () => softmaxCrossEntropy(z, y, 4, 3)),
      ).error,
    ).toBeLessThan(RELATIVE_TOLERANCE);
    const hard = oneHotRows(rng, 4, 3);
    softmaxCrossEntropy(z, hard, 4, 3, g);
    expect(
      worstError(
        g,
        numericGradient(z, () => softmaxCrossEntropy(z, hard, 4, 3)),
      ).error,
    ).toBeLessThan(RELATIVE_TOLERANCE);
  });
});

describe("every loss given bad input", () => {
  it("throws a ComputeError naming the loss and the shapes or the value", () => {
    expect(() => computeLoss("huber", new Float64Array(1), new Float64Array(1), 1, 1)).toThrow(
      `loss: unknown loss "huber"; expected one of ${lossNames.join(", ")}`,
    );
    expect(() => meanSquaredError(new Float64Array(3), new Float64Array(2))).toThrow(
      /loss mse: \[1, 3\] needs 3 values; got pred 3, target 2/,
    );
    expect(() => meanSquaredError(Float64Array.of(1, NaN), new Float64Array(2))).toThrow(
      /loss mse: pred has NaN at index 1/,
    );
    expect(() => meanAbsoluteError(new Float64Array(1), Float64Array.of(Infinity))).toThrow(
      /target has Infinity/,
    );
    expect(() => binaryCrossEntropyFromLogits(new Float64Array(1), Float64Array.of(2))).toThrow(
      /loss bce: bce targets must lie in \[0, 1\], got 2 at index 0/,
    );
    expect(() => softmaxCrossEntropy(new Float64Array(4), Float64Array.of(1, 0, -1, 2), 2, 2)).toThrow(
      ComputeError,
    );
    expect(() => softmaxCrossEntropy(new Float64Array(4), new Float64Array(4), -2, -2)).toThrow(
      /rows and cols must be positive integers, got rows=-2, cols=-2/,
    );
  });
});
