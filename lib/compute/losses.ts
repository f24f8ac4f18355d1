import { sigmoid } from "./activations";
import { ComputeError, assertFinite } from "./errors";

/**
 * Losses over a batch of `rows` examples with `cols` outputs each, as a value
 * and its gradient with respect to the predictions. Normalisation follows
 * TensorFlow/Keras so figures can be compared with theirs:
 *   mse         mean over all elements of (p - y)²
 *   mae         mean over all elements of |p - y|            (gradient 0 at p = y)
 *   bce         mean over all elements, from logits z:        max(z, 0) - z·y + log(1 + e^-|z|)
 *   softmax-ce  mean over rows of -Σ_j y_j log softmax(z)_j  (from logits, fused with softmax)
 * The two cross-entropies take logits, which is what makes them exact for
 * |z| in the hundreds, where σ(z) or softmax(z) round to 0 or 1.
 */
export const lossNames = ["mse", "mae", "bce", "softmax-ce"] as const;
export type LossName = (typeof lossNames)[number];

/**
 * Returns the mean loss; when `grad` is given, writes ∂loss/∂pred into it
 * (same length as pred). No checks: the caller has sized every buffer.
 */
export type LossKernel = (
  pred: Float64Array,
  target: Float64Array,
  rows: number,
  cols: number,
  grad: Float64Array | null,
) => number;

const mseKernel: LossKernel = (pred, target, rows, cols, grad) => {
  const n = rows * cols;
  const scale = 2 / n;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = pred[i]! - target[i]!;
    sum += d * d;
    if (grad !== null) grad[i] = scale * d;
  }
  return sum / n;
};

const maeKernel: LossKernel = (pred, target, rows, cols, grad) => {
  const n = rows * cols;
  const scale = 1 / n;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = pred[i]! - target[i]!;
    sum += Math.abs(d);
    if (grad !== null) grad[i] = d > 0 ? scale : d < 0 ? -scale : 0;
  }
  return sum / n;
};

const bceKernel: LossKernel = (logits, target, rows, cols, grad) => {
  const n = rows * cols;
  const scale = 1 / n;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const z = logits[i]!;
    const y = target[i]!;
    sum += (z > 0 ? z : 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
    if (grad !== null) grad[i] = scale * (sigmoid(z) - y);
  }
  return sum / n;
};

const softmaxCrossEntropyKernel: LossKernel = (logits, target, rows, cols, grad) => {
  const scale = 1 / rows;
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    let max = -Infinity;
    for (let j = 0; j < cols; j++) if (logits[o + j]! > max) max = logits[o + j]!;
    let sum = 0;
    for (let j = 0; j < cols; j++) sum += Math.exp(logits[o + j]! - max);
    const logSum = Math.log(sum);
    let targetMass = 0;
    for (let j = 0; j < cols; j++) {
      const y = target[o + j]!;
      targetMass += y;
      if (y !== 0) total -= y * (logits[o + j]! - max - logSum);
    }
    if (grad !== null) {
      // ∂/∂z_j of -Σ y_k log softmax_k = softmax_j · Σ_k y_k - y_j (softmax - onehot for one-hot rows).
      const inv = 1 / sum;
      for (let j = 0; j < cols; j++) {
        grad[o + j] = scale * (Math.exp(logits[o + j]! - max) * inv * targetMass - target[o + j]!);
      }
    }
  }
  return total * scale;
};

export const lossKernels: Record<LossName, LossKernel> = {
  mse: mseKernel,
  mae: maeKernel,
  bce: bceKernel,
  "softmax-ce": softmaxCrossEntropyKernel,
};

export function isLossName(name: string): name is LossName {
  return (lossNames as readonly string[]).includes(name);
}

export function assertLossName(op: string, name: string): LossName {
  if (!isLossName(name))
    throw new ComputeError(op, `unknown loss "${name}"; expected one of ${lossNames.join(", ")}`);
  return name;
}

/** Checks targets against what the loss accepts: bce wants y in [0, 1], softmax-ce y ≥ 0. */
export function assertTargets(op: string, loss: LossName, target: Float64Array): void {
  assertFinite(op, target, "target");
  if (loss === "bce") {
    for (let i = 0; i < target.length; i++) {
      const y = target[i]!;
      if (y < 0 || y > 1)
        throw new ComputeError(op, `bce targets must lie in [0, 1], got ${y} at index ${i}`);
    }
  } else if (loss === "softmax-ce") {
    for (let i = 0; i < target.length; i++) {
      const y = target[i]!;
      if (y < 0)
        throw new ComputeError(
          op,
          `softmax-ce targets must be ≥ 0 (one-hot or probabilities), got ${y} at index ${i}`,
        );
    }
  }
}

/**
 * Value (and, with `grad`, gradient) of a named loss over [rows, cols]
 * predictions (logits for bce and softmax-ce), with every input checked.
 */
export function computeLoss(
  name: LossName | string,
  pred: Float64Array,
  target: Float64Array,
  rows: number,
  cols: number,
  grad: Float64Array | null = null,
): number {
  const loss = assertLossName("loss", name);
  const op = `loss ${loss}`;
  if (!Number.isInteger(rows) || rows <= 0 || !Number.isInteger(cols) || cols <= 0) {
    throw new ComputeError(op, `rows and cols must be positive integers, got rows=${rows}, cols=${cols}`);
  }
  const n = rows * cols;
  if (pred.length !== n || target.length !== n || (grad !== null && grad.length !== n)) {
    throw new ComputeError(
      op,
      `[${rows}, ${cols}] needs ${n} values; got pred ${pred.length}, target ${target.length}` +
        (grad === null ? "" : `, grad ${grad.length}`),
    );
  }
  assertFinite(op, pred, "pred");
  assertTargets(op, loss, target);
  return lossKernels[loss](pred, target, rows, cols, grad);
}

export const meanSquaredError = (
  pred: Float64Array,
  target: Float64Array,
  grad: Float64Array | null = null,
) => computeLoss("mse", pred, target, 1, pred.length, grad);

export const meanAbsoluteError = (
  pred: Float64Array,
  target: Float64Array,
  grad: Float64Array | null = null,
) => computeLoss("mae", pred, target, 1, pred.length, grad);

/** Mean binary cross-entropy from logits z (so σ(z) is never formed), with gradient σ(z) - y per element / n. */
export const binaryCrossEntropyFromLogits = (
  logits: Float64Array,
  target: Float64Array,
  grad: Float64Array | null = null,
) => computeLoss("bce", logits, target, 1, logits.length, grad);

/** Mean over rows of the categorical cross-entropy of softmax(logits) against one-hot or probability targets. */
export const softmaxCrossEntropy = (
  logits: Float64Array,
  target: Float64Array,
  rows: number,
  cols: number,
  grad: Float64Array | null = null,
) => computeLoss("softmax-ce", logits, target, rows, cols, grad);

/** Probabilities are clamped to [ε, 1 - ε] inside the logarithms, so p = 0 or 1 give a finite loss. */
export const BCE_PROBABILITY_EPSILON = 1e-12;

/**
 * Binary cross-entropy of one probability p against a target y in [0, 1]:
 * -(y log p + (1 - y) log(1 - p)). Finite at p = 0 and p = 1 (each log is of
 * max(·, ε)), and a term whose weight is 0 is skipped, so p = y = 1 gives 0.
 */
export function binaryCrossEntropy(p: number, y: number): number {
  if (!(p >= 0 && p <= 1)) throw new ComputeError("binaryCrossEntropy", `p must lie in [0, 1], got ${p}`);
  if (!(y >= 0 && y <= 1)) throw new ComputeError("binaryCrossEntropy", `y must lie in [0, 1], got ${y}`);
  let loss = 0;
  if (y > 0) loss -= y * Math.log(Math.max(p, BCE_PROBABILITY_EPSILON));
  if (y < 1) loss -= (1 - y) * Math.log(Math.max(1 - p, BCE_PROBABILITY_EPSILON));
  return loss;
}
