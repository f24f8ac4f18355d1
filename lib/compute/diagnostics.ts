import { ComputeError, assertFinite, assertPositiveInt } from "./errors";
import { ActivationLayer } from "./nn/activation-layer";
import { Dense } from "./nn/dense";
import type { LayerKind } from "./nn/layer";
import type { Sequential } from "./nn/sequential";

/**
 * What the live examples measure on a model: activation statistics per
 * layer, gradient norms, dead ReLU units, a loss surface over two weights and
 * decision values on a 2-D grid. All run the model's own buffers; the grid
 * evaluator keeps its input and output arrays so a redraw allocates nothing.
 */

export type Moments = { mean: number; std: number; zeroFraction: number };
export type LayerActivationStats = Moments & {
  layer: string;
  kind: LayerKind;
  /** For dense layers with an activation: the statistics of Z before it (saturation shows here). */
  preActivation?: Moments;
};

/** Mean, population standard deviation and fraction of exact zeros of a buffer. */
export function moments(values: Float64Array): Moments {
  const n = values.length;
  if (n === 0) throw new ComputeError("moments", "no values");
  let sum = 0;
  let zeros = 0;
  for (let i = 0; i < n; i++) {
    sum += values[i]!;
    if (values[i] === 0) zeros++;
  }
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - mean;
    squares += d * d;
  }
  return { mean, std: Math.sqrt(squares / n), zeroFraction: zeros / n };
}

/** One forward pass over `batch` rows of x (evaluation mode unless `training`), then each layer's output statistics. */
export function activationStats(
  model: Sequential,
  x: Float64Array,
  batch: number,
  training = false,
): LayerActivationStats[] {
  model.forward(x, batch, training);
  return model.layers.map((layer) => {
    const stats: LayerActivationStats = { layer: layer.name, kind: layer.kind, ...moments(layer.output!) };
    if (layer instanceof Dense && layer.activationName !== "identity")
      stats.preActivation = moments(layer.preActivation!);
    return stats;
  });
}

export type LayerGradientNorm = { layer: string; norm: number; params: { name: string; norm: number }[] };

/** L2 norms of the current gradients (as left by the last trainStep or computeGradients), per layer with params. */
export function gradientNorms(model: Sequential): LayerGradientNorm[] {
  const result: LayerGradientNorm[] = [];
  for (const layer of model.layers) {
    const params = layer.params();
    if (params.length === 0) continue;
    let total = 0;
    const norms = params.map((p) => {
      let s = 0;
      for (let i = 0; i < p.grad.length; i++) s += p.grad[i]! * p.grad[i]!;
      total += s;
      return { name: p.name, norm: Math.sqrt(s) };
    });
    result.push({ layer: layer.name, norm: Math.sqrt(total), params: norms });
  }
  return result;
}

export type DeadReluReport = {
  layers: { layer: string; units: number; dead: number; fraction: number }[];
  dead: number;
  units: number;
  fraction: number;
};

const DATASET_CHUNK = 1024;

/**
 * A ReLU unit is dead on a data set when its output is exactly 0 for every
 * example: it then passes no gradient, so it can never recover. Counted over
 * every ReLU (fused into a dense layer or standalone), in evaluation mode.
 */
export function deadReluUnits(model: Sequential, x: Float64Array, rows: number): DeadReluReport {
  assertPositiveInt("deadReluUnits", "rows", rows);
  if (x.length !== rows * model.inputSize) {
    throw new ComputeError(
      "deadReluUnits",
      `x has ${x.length} values, expected [${rows}, ${model.inputSize}]`,
    );
  }
  const relus = model.layers.filter(
    (l) =>
      (l instanceof Dense && l.activationName === "relu") ||
      (l instanceof ActivationLayer && l.activation.name === "relu"),
  );
  const alive = relus.map((l) => new Uint8Array(l.outputSize));
  for (let start = 0; start < rows; start += DATASET_CHUNK) {
    const n = Math.min(DATASET_CHUNK, rows - start);
    model.forward(x.subarray(start * model.inputSize, (start + n) * model.inputSize), n, false);
    relus.forEach((layer, k) => {
      const out = layer.output!;
      const flags = alive[k]!;
      const units = layer.outputSize;
      for (let i = 0; i < n; i++) for (let j = 0; j < units; j++) if (out[i * units + j]! > 0) flags[j] = 1;
    });
  }
  const layers = relus.map((layer, k) => {
    let dead = 0;
    for (const flag of alive[k]!) if (flag === 0) dead++;
    return { layer: layer.name, units: layer.outputSize, dead, fraction: dead / layer.outputSize };
  });
  const dead = layers.reduce((s, l) => s + l.dead, 0);
  const units = layers.reduce((s, l) => s + l.units, 0);
  return { layers, dead, units, fraction: units === 0 ? 0 : dead / units };
}

/** One scalar weight: a Param by name (e.g. "dense1.W") and a flat index into it. */
export type WeightRef = { param: string; index: number };

export type LossSurface = {
  /** Values taken by the first weight (columns) and the second (rows). */
  first: Float64Array;
  second: Float64Array;
  /** losses[r * steps + c] = loss with first = first[c], second = second[r]. */
  losses: Float64Array;
  steps: number;
};

/**
 * The data loss on (x, y) as two chosen weights move over a square of
 * half-width `span` around their current values (every other weight fixed),
 * in evaluation mode. The weights are restored afterwards.
 */
export function lossSurface(
  model: Sequential,
  x: Float64Array,
  y: Float64Array,
  batch: number,
  options: { first: WeightRef; second: WeightRef; span?: number; steps?: number },
): LossSurface {
  const span = options.span ?? 1;
  const steps = options.steps ?? 21;
  if (!(span > 0 && Number.isFinite(span)))
    throw new ComputeError("lossSurface", `span must be a finite number > 0, got ${span}`);
  assertPositiveInt("lossSurface", "steps", steps);
  if (steps < 2) throw new ComputeError("lossSurface", `steps must be at least 2, got ${steps}`);
  const a = findWeight(model, options.first);
  const b = findWeight(model, options.second);
  const a0 = a.data[options.first.index]!;
  const b0 = b.data[options.second.index]!;
  const first = new Float64Array(steps);
  const second = new Float64Array(steps);
  for (let s = 0; s < steps; s++) {
    const t = -span + (2 * span * s) / (steps - 1);
    first[s] = a0 + t;
    second[s] = b0 + t;
  }
  const losses = new Float64Array(steps * steps);
  try {
    for (let r = 0; r < steps; r++) {
      b.data[options.second.index] = second[r]!;
      for (let c = 0; c < steps; c++) {
        a.data[options.first.index] = first[c]!;
        losses[r * steps + c] = model.evaluate(x, y, batch);
      }
    }
  } finally {
    a.data[options.first.index] = a0;
    b.data[options.second.index] = b0;
  }
  return { first, second, losses, steps };
}

function findWeight(model: Sequential, ref: WeightRef) {
  const param = model.params().find((p) => p.name === ref.param);
  if (!param) {
    throw new ComputeError(
      "lossSurface",
      `no parameter "${ref.param}"; the model has ${model
        .params()
        .map((p) => p.name)
        .join(", ")}`,
    );
  }
  if (!Number.isInteger(ref.index) || ref.index < 0 || ref.index >= param.data.length) {
    throw new ComputeError(
      "lossSurface",
      `index ${ref.index} is outside ${param.name} (${param.data.length} values)`,
    );
  }
  return param;
}

export type DecisionGridOptions = {
  x: [number, number];
  y: [number, number];
  /** Points per side (default 50). */
  resolution?: number;
  /** Which output to report, for models with several (default 0). */
  output?: number;
};

export type DecisionGrid = {
  /** Grid coordinates: point (r, c) is (xs[c], ys[r]). */
  xs: Float64Array;
  ys: Float64Array;
  resolution: number;
  /** values[r * resolution + c] after evaluate(); the same array on every call. */
  values: Float64Array;
  /** Runs the model (evaluation mode) on every grid point and returns `values`. */
  evaluate(): Float64Array;
};

/**
 * A reusable evaluator of a 2-input model on a resolution × resolution grid:
 * the grid's input rows are laid out once, each evaluate() is one batched
 * forward pass through the model's preallocated buffers, so a live example
 * can redraw its decision boundary every frame while training.
 */
export function createDecisionGrid(model: Sequential, options: DecisionGridOptions): DecisionGrid {
  const resolution = options.resolution ?? 50;
  const output = options.output ?? 0;
  assertPositiveInt("decisionGrid", "resolution", resolution);
  if (resolution < 2)
    throw new ComputeError("decisionGrid", `resolution must be at least 2, got ${resolution}`);
  if (model.inputSize !== 2) {
    throw new ComputeError("decisionGrid", `needs a model with 2 inputs, this one takes ${model.inputSize}`);
  }
  if (!Number.isInteger(output) || output < 0 || output >= model.outputSize) {
    throw new ComputeError(
      "decisionGrid",
      `output ${output} is outside the model's ${model.outputSize} outputs`,
    );
  }
  const axis = (range: [number, number], name: string) => {
    assertFinite("decisionGrid", range, name);
    if (!(range[1] > range[0]))
      throw new ComputeError("decisionGrid", `${name} range needs min < max, got [${range[0]}, ${range[1]}]`);
    const values = new Float64Array(resolution);
    for (let i = 0; i < resolution; i++)
      values[i] = range[0] + ((range[1] - range[0]) * i) / (resolution - 1);
    return values;
  };
  const xs = axis(options.x, "x");
  const ys = axis(options.y, "y");
  const points = resolution * resolution;
  const input = new Float64Array(points * 2);
  for (let r = 0; r < resolution; r++) {
    for (let c = 0; c < resolution; c++) {
      input[2 * (r * resolution + c)] = xs[c]!;
      input[2 * (r * resolution + c) + 1] = ys[r]!;
    }
  }
  const values = new Float64Array(points);
  const width = model.outputSize;
  return {
    xs,
    ys,
    resolution,
    values,
    evaluate() {
      const out = model.forward(input, points, false);
      if (width === 1) values.set(out);
      else for (let i = 0; i < points; i++) values[i] = out[i * width + output]!;
      return values;
    },
  };
}

/** Decision values of a 2-input model on a grid, once (see createDecisionGrid to redraw without allocating). */
export function decisionGrid(model: Sequential, options: DecisionGridOptions): DecisionGrid {
  const grid = createDecisionGrid(model, options);
  grid.evaluate();
  return grid;
}
