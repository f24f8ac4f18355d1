import { describe, expect, it } from "vitest";
import { ComputeError } from "@/lib/compute/errors";
import { initialize } from "@/lib/compute/init";
import { Random } from "@/lib/compute/random";

function stats(values: Float64Array) {
  let sum = 0;
  let sq = 0;
  let maxAbs = 0;
  for (const v of values) {
    sum += v;
    sq += v * v;
    maxAbs = Math.max(maxAbs, Math.abs(v));
  }
  const mean = sum / values.length;
  return { mean, variance: sq / values.length - mean * mean, maxAbs };
}

const size = { fanIn: 256, fanOut: 128, count: 200_000 };

describe("variance-preserving initializers", () => {
  it("Xavier uniform stays within √(6/(fanIn+fanOut)) with variance 2/(fanIn+fanOut)", () => {
    const s = stats(initialize("xavier-uniform", size, new Random(1)));
    expect(s.maxAbs).toBeLessThanOrEqual(Math.sqrt(6 / 384));
    expect(s.variance / (2 / 384)).toBeCloseTo(1, 1);
  });

  it("Xavier normal has variance 2/(fanIn+fanOut)", () => {
    expect(stats(initialize("xavier-normal", size, new Random(2))).variance / (2 / 384)).toBeCloseTo(1, 1);
  });

  it("He normal has variance 2/fanIn and He uniform stays within √(6/fanIn)", () => {
    expect(stats(initialize("he-normal", size, new Random(3))).variance / (2 / 256)).toBeCloseTo(1, 1);
    const u = stats(initialize("he-uniform", size, new Random(4)));
    expect(u.maxAbs).toBeLessThanOrEqual(Math.sqrt(6 / 256));
    expect(u.variance / (2 / 256)).toBeCloseTo(1, 1);
  });

  it("LeCun normal has variance 1/fanIn", () => {
    expect(stats(initialize("lecun-normal", size, new Random(5))).variance / (1 / 256)).toBeCloseTo(1, 1);
  });
});

describe("simple initializers", () => {
  it("zeros, constant, uniform and normal do what they say", () => {
    const small = { fanIn: 3, fanOut: 2, count: 6 };
    expect(Array.from(initialize("zeros", small, new Random(1)))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(Array.from(initialize({ name: "constant", value: 0.1 }, small, new Random(1)))).toEqual(
      Array(6).fill(0.1),
    );
    const u = initialize({ name: "uniform", low: 2, high: 3 }, { ...small, count: 1000 }, new Random(1));
    expect(Math.min(...u) >= 2 && Math.max(...u) < 3).toBe(true);
    expect(
      stats(initialize({ name: "normal", mean: 5, std: 0.5 }, { ...small, count: 100_000 }, new Random(1)))
        .mean,
    ).toBeCloseTo(5, 1);
  });

  it("is reproducible from the seed", () => {
    const a = initialize("he-normal", { fanIn: 4, fanOut: 4, count: 16 }, new Random(9));
    expect(initialize("he-normal", { fanIn: 4, fanOut: 4, count: 16 }, new Random(9))).toEqual(a);
  });
});

describe("bad input", () => {
  it("names the initializer, the size or the range that is wrong", () => {
    const rng = new Random(1);
    expect(() => initialize("glorot" as never, size, rng)).toThrow(/unknown initializer "glorot"/);
    expect(() => initialize("he-normal", { ...size, fanIn: 0 }, rng)).toThrow(
      /fanIn must be a positive integer, got 0/,
    );
    expect(() => initialize("he-normal", { ...size, count: -3 }, rng)).toThrow(ComputeError);
    expect(() => initialize({ name: "uniform", low: 1, high: 1 }, size, rng)).toThrow(/low < high/);
  });
});
