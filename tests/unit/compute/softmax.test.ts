import { describe, expect, it } from "vitest";
import { ComputeError } from "@/lib/compute/errors";
import { logSoftmax, logSoftmaxRows, softmax, softmaxRows } from "@/lib/compute/softmax";

describe("softmax of logits in the thousands", () => {
  it("equals [e^-2, e^-1, 1] / (1 + e^-1 + e^-2) for [1000, 1001, 1002]", () => {
    const z = 1 + Math.exp(-1) + Math.exp(-2);
    const expected = [Math.exp(-2) / z, Math.exp(-1) / z, 1 / z];
    const p = softmax([1000, 1001, 1002]);
    expected.forEach((v, i) => expect(p[i]).toBeCloseTo(v, 15));
    // Published values of the same distribution (softmax([0, 1, 2])).
    expect(p[0]).toBeCloseTo(0.09003057317038046, 15);
    expect(p[1]).toBeCloseTo(0.24472847105479767, 15);
    expect(p[2]).toBeCloseTo(0.6652409557748219, 15);
  });

  it("gives the log-probabilities -2 - log(1 + e^-1 + e^-2), … without forming the probabilities", () => {
    const logZ = Math.log(1 + Math.exp(-1) + Math.exp(-2));
    const lp = logSoftmax([1000, 1001, 1002]);
    [-2 - logZ, -1 - logZ, -logZ].forEach((v, i) => expect(lp[i]).toBeCloseTo(v, 13));
    // A probability that underflows to 0 still has a finite log: log softmax([0, 1000])_0 = -1000.
    const tiny = logSoftmax([0, 1000]);
    expect(tiny[0]).toBeCloseTo(-1000, 10);
    expect(softmax([0, 1000])[0]).toBe(0);
  });

  it("spreads with a high temperature and sharpens with a low one: softmax(z / T)", () => {
    const z = [1, 2, 3];
    const hot = softmax(z, 2);
    const expectedHot = z.map((v) => Math.exp(v / 2));
    const sum = expectedHot.reduce((a, b) => a + b);
    expectedHot.forEach((v, i) => expect(hot[i]).toBeCloseTo(v / sum, 15));
    const cold = softmax(z, 0.01);
    expect(cold[2]).toBeCloseTo(1, 12);
    expect(Array.from(logSoftmax(z, 2)).map(Math.exp)).toEqual(
      Array.from(hot).map((v) => expect.closeTo(v, 15)),
    );
  });
});

describe("row-wise softmax over a matrix", () => {
  it("normalises each row on its own", () => {
    const out = softmaxRows(Float64Array.of(0, 0, 5000, -5000), 2, 2);
    expect(Array.from(out)).toEqual([0.5, 0.5, 1, 0]);
    const logs = logSoftmaxRows(Float64Array.of(0, 0, 5000, -5000), 2, 2);
    expect(logs[0]).toBeCloseTo(-Math.LN2, 15);
    expect(logs[3]).toBe(-10000);
  });
});

describe("softmax given bad input", () => {
  it("names the op and the bad value", () => {
    expect(() => softmax([1, NaN])).toThrow(/softmax: logits has NaN at index 1/);
    expect(() => softmax([1, Infinity])).toThrow(ComputeError);
    expect(() => softmax([1, 2], 0)).toThrow(/softmax: temperature must be a finite number > 0, got 0/);
    expect(() => logSoftmax([1, 2], -1)).toThrow(/logSoftmax: temperature/);
    expect(() => softmax([])).toThrow(/softmax: logits must not be empty/);
    expect(() => softmaxRows(new Float64Array(5), 2, 3)).toThrow(/softmax: logits \[2, 3\] need 6 values/);
  });
});
