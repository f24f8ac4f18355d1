import { describe, expect, it } from "vitest";
import {
  datasetDefaults,
  datasetNames,
  generateDataset,
  maxDatasetSize,
  type Dataset,
  type DatasetConfig,
  type DatasetName,
} from "@/lib/compute/datasets";
import { ComputeError } from "@/lib/compute/errors";

const config = (name: DatasetName, overrides: Record<string, unknown> = {}) =>
  ({ name, n: 101, noise: 0.1, seed: 7, ...overrides }) as DatasetConfig;

const row = (set: Dataset, i: number) => Array.from(set.x.subarray(i * set.features, (i + 1) * set.features));

function rowsOfClass(set: Dataset, label: number): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < set.n; i++) if (set.y[i] === label) rows.push(row(set, i));
  return rows;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const std = (values: number[]) => {
  const m = mean(values);
  return Math.sqrt(values.reduce((a, v) => a + (v - m) ** 2, 0) / (values.length - 1));
};

const classificationNames = datasetNames.filter((name) => name !== "sine");

describe("every data set generated from a seed", () => {
  it.each(datasetNames)("%s is identical, bit for bit, for the same seed", (name) => {
    const a = generateDataset(config(name));
    const b = generateDataset(config(name));
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
    expect(Array.from(a.y)).toEqual(Array.from(b.y));
  });

  it.each(datasetNames)("%s differs for a different seed", (name) => {
    const a = generateDataset(config(name, { seed: 1 }));
    const b = generateDataset(config(name, { seed: 2 }));
    expect(Array.from(a.x)).not.toEqual(Array.from(b.x));
  });

  it.each(datasetNames)("%s has n rows of `features` values and one target per row", (name) => {
    const set = generateDataset(config(name, { n: 37 }));
    expect(set.name).toBe(name);
    expect(set.n).toBe(37);
    expect(set.x).toBeInstanceOf(Float64Array);
    expect(set.x.length).toBe(37 * set.features);
    expect(set.y.length).toBe(37);
    expect(set.features).toBe(name === "sine" ? 1 : 2);
    expect(set.classes).toBe(name === "sine" ? 0 : name === "blobs" ? datasetDefaults.blobs.classes : 2);
    expect(set.x.every(Number.isFinite) && set.y.every(Number.isFinite)).toBe(true);
  });

  it.each(classificationNames)("%s has balanced classes (counts differ by at most one)", (name) => {
    for (const n of [100, 101, 7]) {
      const set = generateDataset(config(name, { n }));
      const counts = new Array<number>(set.classes).fill(0);
      for (const label of set.y) counts[label]! += 1;
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(n);
    }
  });

  it.each(datasetNames)(
    "%s moves the same clean points further as noise grows, without reshuffling",
    (name) => {
      const clean = generateDataset(config(name, { noise: 0 }));
      const small = generateDataset(config(name, { noise: 0.1 }));
      const large = generateDataset(config(name, { noise: 0.2 }));
      const target = name === "sine" ? "y" : "x";
      if (name !== "sine") expect(Array.from(small.y)).toEqual(Array.from(clean.y)); // labels come from the clean shape
      for (let i = 0; i < clean[target].length; i++) {
        const offset = large[target][i]! - clean[target][i]!;
        expect(offset).toBeCloseTo(2 * (small[target][i]! - clean[target][i]!), 12);
      }
    },
  );
});

describe("xor", () => {
  it("labels each point 1 exactly when its coordinates have opposite signs (noise 0)", () => {
    const set = generateDataset(config("xor", { n: 400, noise: 0 }));
    const { padding } = datasetDefaults.xor;
    for (let i = 0; i < set.n; i++) {
      const [x, y] = row(set, i) as [number, number];
      expect(set.y[i]).toBe(x * y < 0 ? 1 : 0);
      for (const v of [x, y]) {
        expect(Math.abs(v)).toBeGreaterThanOrEqual(padding);
        expect(Math.abs(v)).toBeLessThanOrEqual(1);
      }
    }
  });

  it("with the corners layout and n = 4 is the XOR truth table on (±1, ±1)", () => {
    const set = generateDataset({ name: "xor", n: 4, noise: 0, seed: 1, layout: "corners" });
    expect([0, 1, 2, 3].map((i) => [...row(set, i), set.y[i]])).toEqual([
      [-1, -1, 0],
      [1, -1, 1],
      [-1, 1, 1],
      [1, 1, 0],
    ]);
  });
});

describe("circles", () => {
  it("puts class 0 on the unit circle and class 1 on the circle of radius `factor` (noise 0)", () => {
    for (const factor of [datasetDefaults.circles.factor, 0.8]) {
      const set = generateDataset({ name: "circles", n: 200, noise: 0, seed: 3, factor });
      for (let i = 0; i < set.n; i++) {
        const radius = Math.hypot(...(row(set, i) as [number, number]));
        expect(radius).toBeCloseTo(set.y[i] === 0 ? 1 : factor, 12);
      }
    }
  });

  it("spreads points all around each ring", () => {
    const set = generateDataset(config("circles", { n: 400, noise: 0 }));
    for (const label of [0, 1]) {
      const quadrants = new Set(rowsOfClass(set, label).map(([x, y]) => `${x! > 0}${y! > 0}`));
      expect(quadrants.size).toBe(4);
    }
  });
});

describe("moons", () => {
  it("puts class 0 on the upper unit half circle and class 1 on the lower one centred at (1, ½) (noise 0)", () => {
    const set = generateDataset(config("moons", { n: 300, noise: 0 }));
    for (const [x, y] of rowsOfClass(set, 0) as [number, number][]) {
      expect(Math.hypot(x, y)).toBeCloseTo(1, 12);
      expect(y).toBeGreaterThanOrEqual(0);
    }
    for (const [x, y] of rowsOfClass(set, 1) as [number, number][]) {
      expect(Math.hypot(x - 1, y - 0.5)).toBeCloseTo(1, 12);
      expect(y).toBeLessThanOrEqual(0.5);
    }
  });

  it("spans scikit-learn's ranges: x ∈ [−1, 1], y ∈ [0, 1] for class 0; x ∈ [0, 2], y ∈ [−½, ½] for class 1", () => {
    const set = generateDataset(config("moons", { n: 2000, noise: 0 }));
    const ranges = [0, 1].map((label) => {
      const rows = rowsOfClass(set, label);
      const xs = rows.map((r) => r[0]!);
      const ys = rows.map((r) => r[1]!);
      return [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    });
    const expected = [
      [-1, 1, 0, 1],
      [0, 2, -0.5, 0.5],
    ];
    ranges.forEach((range, label) => range.forEach((v, k) => expect(v).toBeCloseTo(expected[label]![k]!, 1)));
  });
});

describe("spirals", () => {
  it("places every point on its arm r·(cos θ, sin θ), θ = 2π·turns·r + class·π (noise 0)", () => {
    for (const turns of [datasetDefaults.spirals.turns, 3]) {
      const set = generateDataset({ name: "spirals", n: 300, noise: 0, seed: 5, turns });
      for (let i = 0; i < set.n; i++) {
        const [x, y] = row(set, i) as [number, number];
        const r = Math.hypot(x, y);
        expect(r).toBeLessThanOrEqual(1);
        const theta = 2 * Math.PI * turns * r + set.y[i]! * Math.PI;
        expect(x).toBeCloseTo(r * Math.cos(theta), 12);
        expect(y).toBeCloseTo(r * Math.sin(theta), 12);
      }
    }
  });

  it("makes each arm the other rotated by π: −p of a class-1 point lies on the class-0 arm", () => {
    const set = generateDataset(config("spirals", { n: 200, noise: 0 }));
    const turns = datasetDefaults.spirals.turns;
    for (const [x, y] of rowsOfClass(set, 1) as [number, number][]) {
      const r = Math.hypot(x, y);
      const theta0 = 2 * Math.PI * turns * r;
      expect(-x).toBeCloseTo(r * Math.cos(theta0), 12);
      expect(-y).toBeCloseTo(r * Math.sin(theta0), 12);
    }
  });
});

describe("blobs", () => {
  const sigma = 0.3;
  const n = 3000;

  it("centres each class near its default center on the unit circle with std ≈ noise", () => {
    const set = generateDataset({ name: "blobs", n, noise: sigma, seed: 11 });
    const k = datasetDefaults.blobs.classes;
    for (let c = 0; c < k; c++) {
      const rows = rowsOfClass(set, c);
      const center = [Math.cos((2 * Math.PI * c) / k), Math.sin((2 * Math.PI * c) / k)];
      const standardError = sigma / Math.sqrt(rows.length);
      for (let f = 0; f < 2; f++) {
        const values = rows.map((r) => r[f]!);
        expect(Math.abs(mean(values) - center[f]!)).toBeLessThan(4 * standardError);
        expect(std(values) / sigma).toBeGreaterThan(0.93);
        expect(std(values) / sigma).toBeLessThan(1.07);
      }
    }
  });

  it("accepts explicit centers of any dimension and takes features and classes from them", () => {
    const centers = [
      [0, 0, 0],
      [5, 5, 5],
      [-5, 0, 5],
      [1, 2, 3],
    ];
    const set = generateDataset({ name: "blobs", n: 2000, noise: sigma, seed: 2, centers });
    expect([set.features, set.classes]).toEqual([3, 4]);
    centers.forEach((center, c) => {
      const rows = rowsOfClass(set, c);
      center.forEach((value, f) => expect(mean(rows.map((r) => r[f]!))).toBeCloseTo(value, 1));
    });
  });
});

describe("sine regression", () => {
  it("is y = sin(x) exactly at noise 0, with x in [−π, π]", () => {
    const set = generateDataset(config("sine", { n: 500, noise: 0 }));
    for (let i = 0; i < set.n; i++) {
      expect(set.y[i]).toBe(Math.sin(set.x[i]!));
      expect(Math.abs(set.x[i]!)).toBeLessThanOrEqual(Math.PI);
    }
  });

  it("has residuals y − sin(x) with mean ≈ 0 and standard deviation ≈ the requested noise", () => {
    const noise = 0.2;
    const set = generateDataset({ name: "sine", n: 20_000, noise, seed: 9, low: 0, high: 10 });
    const residuals = Array.from(set.y, (y, i) => y - Math.sin(set.x[i]!));
    // Standard errors: σ/√n ≈ 0.0014 for the mean, σ/√(2n) ≈ 0.001 for the std.
    expect(Math.abs(mean(residuals))).toBeLessThan(0.006);
    expect(Math.abs(std(residuals) - noise)).toBeLessThan(0.005);
    expect(Math.min(...set.x)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...set.x)).toBeLessThan(10);
  });
});

describe("linearly-separable", () => {
  it.each([
    [datasetDefaults["linearly-separable"].weights, datasetDefaults["linearly-separable"].bias, 0.1],
    [[2, 0.5], 0.3, 0.2],
  ])(
    "is separated by its generating line %o·p + %s with every point at least the margin away",
    (weights, bias, margin) => {
      const set = generateDataset({
        name: "linearly-separable",
        n: 500,
        noise: 0,
        seed: 4,
        weights: [...weights],
        bias,
        margin,
      });
      const norm = Math.hypot(weights[0]!, weights[1]!);
      for (let i = 0; i < set.n; i++) {
        const [x, y] = row(set, i) as [number, number];
        const distance = (weights[0]! * x + weights[1]! * y + bias) / norm;
        expect(set.y[i]).toBe(distance > 0 ? 1 : 0);
        expect(Math.abs(distance)).toBeGreaterThanOrEqual(margin);
        expect(Math.max(Math.abs(x), Math.abs(y))).toBeLessThanOrEqual(1);
      }
    },
  );

  it("throws when the line leaves one class no room in the square", () => {
    expect(() => generateDataset({ name: "linearly-separable", n: 10, noise: 0, seed: 1, bias: 5 })).toThrow(
      /leaves class 0 no room in \[−1, 1\]²/,
    );
  });
});

describe("generateDataset with a bad config", () => {
  it.each<[string, Record<string, unknown>, string | RegExp]>([
    [
      "an unknown name",
      { name: "swiss-roll" },
      /unknown data set "swiss-roll"; expected one of xor, circles/,
    ],
    ["n = 0", { n: 0 }, "generateDataset: circles n must be a positive integer, got 0"],
    ["a fractional n", { n: 2.5 }, "circles n must be a positive integer, got 2.5"],
    ["a negative n", { n: -5 }, "circles n must be a positive integer, got -5"],
    ["a huge n", { n: maxDatasetSize + 1 }, `circles n must be at most ${maxDatasetSize}`],
    ["negative noise", { noise: -0.1 }, "circles noise must be a finite number ≥ 0, got -0.1"],
    ["NaN noise", { noise: Number.NaN }, "circles noise must be a finite number ≥ 0, got NaN"],
    ["a NaN seed", { seed: Number.NaN }, "circles seed must be a finite number, got NaN"],
    ["an unknown option", { radius: 2 }, /unknown option "radius" for circles/],
    ["factor = 1", { factor: 1 }, "circles factor (inner radius / outer radius) must be in (0, 1), got 1"],
  ])("names the bad value: %s", (_, overrides, message) => {
    const build = () => generateDataset(config("circles", overrides));
    expect(build).toThrow(ComputeError);
    expect(build).toThrow(message);
  });

  it.each<[DatasetName, Record<string, unknown>, string]>([
    ["xor", { layout: "grid" }, 'xor layout must be "quadrants" or "corners", got "grid"'],
    ["xor", { padding: 1 }, "xor padding must be in [0, 1), got 1"],
    ["spirals", { turns: 0 }, "spirals turns must be a finite number > 0, got 0"],
    ["blobs", { classes: 1 }, "blobs classes must be an integer ≥ 2, got 1"],
    [
      "blobs",
      { centers: [[0, 0], [1]] },
      "blobs centers[1] must be 2 finite numbers like centers[0], got [1]",
    ],
    ["blobs", { centers: [[0, 0]] }, "blobs centers must be an array of at least 2 points"],
    ["blobs", { centers: [[0], [1]], classes: 3 }, "blobs classes (3) disagrees with the 2 centers given"],
    ["sine", { low: 1, high: 1 }, "sine needs finite low < high, got [1, 1]"],
    ["linearly-separable", { weights: [0, 0] }, "weights must be 2 finite numbers, not both 0, got [0,0]"],
    ["linearly-separable", { margin: -1 }, "linearly-separable margin must be a finite number ≥ 0, got -1"],
  ])("%s rejects %o", (name, overrides, message) => {
    expect(() => generateDataset(config(name, overrides))).toThrow(message);
  });
});
