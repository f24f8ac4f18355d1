import { assertNonNegative, assertPositiveInt, ComputeError } from "./errors";
import { Random } from "./random";

/**
 * Toy data sets for live examples, generated from an explicit seed.
 *
 * Conventions shared by every set:
 * - `x` is n × features, row-major; `y` holds a class index (0, 1, …) or,
 *   for regression, a real target; `classes` is 0 for regression.
 * - Row i belongs to class i mod classes, so classes are balanced (counts
 *   differ by at most one) and any prefix of the rows is balanced too.
 * - `noise` is the standard deviation of Gaussian noise added to each
 *   coordinate (to the target for "sine") AFTER labelling, so labels are
 *   always those of the clean shape. The noise is drawn from its own stream:
 *   with the same seed, changing `noise` moves the same points further from
 *   the same clean positions, so a noise slider jitters rather than reshuffles.
 * - Scale: shapes fit in [−1, 1]² (moons in [−1, 2] × [−0.5, 1]), the range
 *   tanh and ReLU nets with standard initialization handle without rescaling.
 */

export const datasetNames = [
  "xor",
  "circles",
  "moons",
  "spirals",
  "blobs",
  "sine",
  "linearly-separable",
] as const;
export type DatasetName = (typeof datasetNames)[number];

export type Dataset = {
  name: DatasetName;
  /** n × features, row-major. */
  x: Float64Array;
  /** Class index per row, or the real target for regression. */
  y: Float64Array;
  n: number;
  features: number;
  /** Number of classes; 0 for a regression set. */
  classes: number;
};

type Common = { n: number; noise: number; seed: number };

export type DatasetConfig =
  /** "quadrants": uniform in each quadrant, |coordinates| in [padding, 1]; "corners": the points (±1, ±1). Label 1 when exactly one coordinate is positive. */
  | (Common & { name: "xor"; layout?: "quadrants" | "corners"; padding?: number })
  /** Class 0 on the unit circle, class 1 on a circle of radius `factor`. */
  | (Common & { name: "circles"; factor?: number })
  /** scikit-learn's make_moons: class 0 on (cos t, sin t), class 1 on (1 − cos t, ½ − sin t), t ∈ [0, π]. */
  | (Common & { name: "moons" })
  /** Two arms r·(cos θ, sin θ), θ = 2π·turns·r + class·π, r ∈ [0, 1]: each arm is the other rotated by π. */
  | (Common & { name: "spirals"; turns?: number })
  /** Gaussian blobs of std `noise` around `centers` (default: `classes` points evenly on the unit circle). */
  | (Common & { name: "blobs"; classes?: number; centers?: number[][] })
  /** Regression: x uniform in [low, high], y = sin(x) + noise. */
  | (Common & { name: "sine"; low?: number; high?: number })
  /** Uniform in [−1, 1]², label 1 where w·x + b > 0; no point closer than `margin` to that line. */
  | (Common & { name: "linearly-separable"; weights?: number[]; bias?: number; margin?: number });

export const datasetDefaults = {
  xor: { layout: "quadrants", padding: 0.1 },
  circles: { factor: 0.5 },
  moons: {},
  spirals: { turns: 1.75 },
  blobs: { classes: 3 },
  sine: { low: -Math.PI, high: Math.PI },
  "linearly-separable": { weights: [1, -1], bias: 0, margin: 0.1 },
} as const;

/** A URL-borne config must not be able to ask for gigabytes. */
export const maxDatasetSize = 1_000_000;

const OP = "generateDataset";

const extraKeys: Record<DatasetName, string[]> = {
  xor: ["layout", "padding"],
  circles: ["factor"],
  moons: [],
  spirals: ["turns"],
  blobs: ["classes", "centers"],
  sine: ["low", "high"],
  "linearly-separable": ["weights", "bias", "margin"],
};

export function generateDataset(config: DatasetConfig): Dataset {
  if (typeof config !== "object" || config === null) {
    throw new ComputeError(OP, `config must be an object, got ${String(config)}`);
  }
  const name = config.name as string;
  if (!(datasetNames as readonly string[]).includes(name)) {
    throw new ComputeError(
      OP,
      `unknown data set "${String(name)}"; expected one of ${datasetNames.join(", ")}`,
    );
  }
  const allowed = ["name", "n", "noise", "seed", ...extraKeys[name as DatasetName]];
  for (const key of Object.keys(config)) {
    if (!allowed.includes(key)) {
      throw new ComputeError(
        OP,
        `unknown option "${key}" for ${name}; expected some of ${allowed.slice(1).join(", ")}`,
      );
    }
  }
  assertPositiveInt(OP, `${name} n`, config.n);
  if (config.n > maxDatasetSize) {
    throw new ComputeError(OP, `${name} n must be at most ${maxDatasetSize}, got ${config.n}`);
  }
  assertNonNegative(OP, `${name} noise`, config.noise);
  if (typeof config.seed !== "number" || !Number.isFinite(config.seed)) {
    throw new ComputeError(OP, `${name} seed must be a finite number, got ${String(config.seed)}`);
  }
  const shape = new Random(config.seed);
  const noise = new Noise(shape.fork(), config.noise);
  switch (config.name) {
    case "xor":
      return xor(config, shape, noise);
    case "circles":
      return circles(config, shape, noise);
    case "moons":
      return moons(config, shape, noise);
    case "spirals":
      return spirals(config, shape, noise);
    case "blobs":
      return blobs(config, shape, noise);
    case "sine":
      return sine(config, shape, noise);
    case "linearly-separable":
      return linearlySeparable(config, shape, noise);
  }
}

/** Gaussian noise from its own stream, drawn even when std = 0 so the stream never depends on it. */
class Noise {
  constructor(
    private readonly rng: Random,
    private readonly std: number,
  ) {}

  add(value: number): number {
    return value + this.std * this.rng.normal();
  }
}

function twoFeatureSet(name: DatasetName, n: number, classes: number): Dataset {
  return { name, x: new Float64Array(n * 2), y: new Float64Array(n), n, features: 2, classes };
}

function setPoint(set: Dataset, i: number, px: number, py: number, label: number, noise: Noise): void {
  set.x[2 * i] = noise.add(px);
  set.x[2 * i + 1] = noise.add(py);
  set.y[i] = label;
}

function xor(config: Extract<DatasetConfig, { name: "xor" }>, rng: Random, noise: Noise): Dataset {
  const layout = config.layout ?? datasetDefaults.xor.layout;
  if (layout !== "quadrants" && layout !== "corners") {
    throw new ComputeError(OP, `xor layout must be "quadrants" or "corners", got "${String(layout)}"`);
  }
  const padding = config.padding ?? datasetDefaults.xor.padding;
  if (typeof padding !== "number" || !(padding >= 0 && padding < 1)) {
    throw new ComputeError(OP, `xor padding must be in [0, 1), got ${String(padding)}`);
  }
  const set = twoFeatureSet("xor", config.n, 2);
  // Quadrant order (−,−), (+,−), (−,+), (+,+) gives labels 0, 1, 1, 0: balanced every 4 rows.
  for (let i = 0; i < config.n; i++) {
    const q = i % 4;
    const sx = q & 1 ? 1 : -1;
    const sy = q & 2 ? 1 : -1;
    const label = sx === sy ? 0 : 1;
    if (layout === "corners") setPoint(set, i, sx, sy, label, noise);
    else setPoint(set, i, sx * rng.uniformIn(padding, 1), sy * rng.uniformIn(padding, 1), label, noise);
  }
  return set;
}

function circles(config: Extract<DatasetConfig, { name: "circles" }>, rng: Random, noise: Noise): Dataset {
  const factor = config.factor ?? datasetDefaults.circles.factor;
  if (typeof factor !== "number" || !(factor > 0 && factor < 1)) {
    throw new ComputeError(
      OP,
      `circles factor (inner radius / outer radius) must be in (0, 1), got ${String(factor)}`,
    );
  }
  const set = twoFeatureSet("circles", config.n, 2);
  for (let i = 0; i < config.n; i++) {
    const label = i % 2;
    const radius = label === 0 ? 1 : factor;
    const angle = rng.uniformIn(0, 2 * Math.PI);
    setPoint(set, i, radius * Math.cos(angle), radius * Math.sin(angle), label, noise);
  }
  return set;
}

function moons(config: Extract<DatasetConfig, { name: "moons" }>, rng: Random, noise: Noise): Dataset {
  const set = twoFeatureSet("moons", config.n, 2);
  for (let i = 0; i < config.n; i++) {
    const label = i % 2;
    const t = rng.uniformIn(0, Math.PI);
    if (label === 0) setPoint(set, i, Math.cos(t), Math.sin(t), 0, noise);
    else setPoint(set, i, 1 - Math.cos(t), 0.5 - Math.sin(t), 1, noise);
  }
  return set;
}

function spirals(config: Extract<DatasetConfig, { name: "spirals" }>, rng: Random, noise: Noise): Dataset {
  const turns = config.turns ?? datasetDefaults.spirals.turns;
  if (typeof turns !== "number" || !Number.isFinite(turns) || turns <= 0) {
    throw new ComputeError(OP, `spirals turns must be a finite number > 0, got ${String(turns)}`);
  }
  const set = twoFeatureSet("spirals", config.n, 2);
  for (let i = 0; i < config.n; i++) {
    const label = i % 2;
    const r = rng.uniform();
    const angle = 2 * Math.PI * turns * r + label * Math.PI;
    setPoint(set, i, r * Math.cos(angle), r * Math.sin(angle), label, noise);
  }
  return set;
}

function blobCenters(config: Extract<DatasetConfig, { name: "blobs" }>): number[][] {
  if (config.centers !== undefined) {
    const centers = config.centers;
    if (!Array.isArray(centers) || centers.length < 2) {
      throw new ComputeError(
        OP,
        `blobs centers must be an array of at least 2 points, got ${JSON.stringify(centers)}`,
      );
    }
    const dims = Array.isArray(centers[0]) ? centers[0].length : 0;
    for (let c = 0; c < centers.length; c++) {
      const center = centers[c];
      if (
        !Array.isArray(center) ||
        center.length === 0 ||
        center.length !== dims ||
        !center.every(Number.isFinite)
      ) {
        throw new ComputeError(
          OP,
          `blobs centers[${c}] must be ${dims || "one or more"} finite numbers like centers[0], got ${JSON.stringify(center)}`,
        );
      }
    }
    if (config.classes !== undefined && config.classes !== centers.length) {
      throw new ComputeError(
        OP,
        `blobs classes (${config.classes}) disagrees with the ${centers.length} centers given`,
      );
    }
    return centers;
  }
  const k = config.classes ?? datasetDefaults.blobs.classes;
  if (!Number.isInteger(k) || k < 2)
    throw new ComputeError(OP, `blobs classes must be an integer ≥ 2, got ${k}`);
  return Array.from({ length: k }, (_, c) => [
    Math.cos((2 * Math.PI * c) / k),
    Math.sin((2 * Math.PI * c) / k),
  ]);
}

function blobs(config: Extract<DatasetConfig, { name: "blobs" }>, _rng: Random, noise: Noise): Dataset {
  const centers = blobCenters(config);
  const k = centers.length;
  const features = centers[0]!.length;
  const { n } = config;
  const set: Dataset = {
    name: "blobs",
    x: new Float64Array(n * features),
    y: new Float64Array(n),
    n,
    features,
    classes: k,
  };
  // All the randomness is the Gaussian spread, drawn from the noise stream.
  for (let i = 0; i < n; i++) {
    const label = i % k;
    const center = centers[label]!;
    for (let f = 0; f < features; f++) set.x[i * features + f] = noise.add(center[f]!);
    set.y[i] = label;
  }
  return set;
}

function sine(config: Extract<DatasetConfig, { name: "sine" }>, rng: Random, noise: Noise): Dataset {
  const low = config.low ?? datasetDefaults.sine.low;
  const high = config.high ?? datasetDefaults.sine.high;
  if (!Number.isFinite(low) || !Number.isFinite(high) || !(low < high)) {
    throw new ComputeError(OP, `sine needs finite low < high, got [${String(low)}, ${String(high)}]`);
  }
  const { n } = config;
  const set: Dataset = {
    name: "sine",
    x: new Float64Array(n),
    y: new Float64Array(n),
    n,
    features: 1,
    classes: 0,
  };
  for (let i = 0; i < n; i++) {
    const x = rng.uniformIn(low, high);
    set.x[i] = x;
    set.y[i] = noise.add(Math.sin(x));
  }
  return set;
}

/** Attempts per point before concluding the line leaves one class no room in the square. */
const maxAttemptsPerPoint = 10_000;

function linearlySeparable(
  config: Extract<DatasetConfig, { name: "linearly-separable" }>,
  rng: Random,
  noise: Noise,
): Dataset {
  const defaults = datasetDefaults["linearly-separable"];
  const weights = config.weights ?? defaults.weights;
  const bias = config.bias ?? defaults.bias;
  const margin = config.margin ?? defaults.margin;
  if (
    !Array.isArray(weights) ||
    weights.length !== 2 ||
    !weights.every(Number.isFinite) ||
    (weights[0] === 0 && weights[1] === 0)
  ) {
    throw new ComputeError(
      OP,
      `linearly-separable weights must be 2 finite numbers, not both 0, got ${JSON.stringify(weights)}`,
    );
  }
  if (typeof bias !== "number" || !Number.isFinite(bias)) {
    throw new ComputeError(OP, `linearly-separable bias must be a finite number, got ${String(bias)}`);
  }
  assertNonNegative(OP, "linearly-separable margin", margin);
  const [w0, w1] = weights as [number, number];
  const norm = Math.hypot(w0, w1);
  const set = twoFeatureSet("linearly-separable", config.n, 2);
  for (let i = 0; i < config.n; i++) {
    const label = i % 2;
    // Rejection sampling keeps the points uniform on each side of the margin band.
    for (let attempt = 0; ; attempt++) {
      if (attempt === maxAttemptsPerPoint) {
        throw new ComputeError(
          OP,
          `linearly-separable: the line ${w0}·x + ${w1}·y + ${bias} = 0 with margin ${margin} leaves class ${label} no room in [−1, 1]²`,
        );
      }
      const px = rng.uniformIn(-1, 1);
      const py = rng.uniformIn(-1, 1);
      const distance = (w0 * px + w1 * py + bias) / norm;
      if (Math.abs(distance) >= margin && (distance > 0 ? 1 : 0) === label) {
        setPoint(set, i, px, py, label, noise);
        break;
      }
    }
  }
  return set;
}
