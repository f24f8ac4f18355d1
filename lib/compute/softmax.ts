import { ComputeError, assertFinite } from "./errors";

/**
 * Row-wise softmax and log-softmax with a temperature T:
 *   softmax(z)_j = exp(z_j / T) / Σ_k exp(z_k / T).
 * The row maximum is subtracted before exponentiating, so logits in the
 * thousands neither overflow nor lose the small entries; log-softmax is
 * computed as (z - max)/T - log Σ exp(...) rather than log(softmax), so it
 * stays finite where a probability underflows to 0.
 */

function checkTemperature(op: string, temperature: number): void {
  if (!Number.isFinite(temperature) || temperature <= 0) {
    throw new ComputeError(op, `temperature must be a finite number > 0, got ${temperature}`);
  }
}

function checkRows(op: string, logits: Float64Array, rows: number, cols: number, out: Float64Array): void {
  if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(cols) || cols <= 0) {
    throw new ComputeError(
      op,
      `rows must be an integer ≥ 0 and cols an integer > 0, got rows=${rows}, cols=${cols}`,
    );
  }
  if (logits.length !== rows * cols || out.length !== rows * cols) {
    throw new ComputeError(
      op,
      `logits [${rows}, ${cols}] need ${rows * cols} values, got logits of ${logits.length} and out of ${out.length}`,
    );
  }
}

/**
 * out[i, :] = softmax(logits[i, :] / T) for a [rows, cols] matrix. Unchecked
 * (no shape or NaN checks): the training loop calls it on buffers it sized.
 */
export function softmaxRowsUnchecked(
  logits: Float64Array,
  rows: number,
  cols: number,
  out: Float64Array,
  temperature = 1,
): void {
  const inv = 1 / temperature;
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    let max = -Infinity;
    for (let j = 0; j < cols; j++) if (logits[o + j]! > max) max = logits[o + j]!;
    let sum = 0;
    for (let j = 0; j < cols; j++) {
      const e = Math.exp((logits[o + j]! - max) * inv);
      out[o + j] = e;
      sum += e;
    }
    const scale = 1 / sum;
    for (let j = 0; j < cols; j++) out[o + j]! *= scale;
  }
}

/** Row-wise softmax of a [rows, cols] matrix into `out` (which may be `logits` itself). */
export function softmaxRows(
  logits: Float64Array,
  rows: number,
  cols: number,
  out: Float64Array = new Float64Array(rows * cols),
  temperature = 1,
): Float64Array {
  checkRows("softmax", logits, rows, cols, out);
  checkTemperature("softmax", temperature);
  assertFinite("softmax", logits, "logits");
  softmaxRowsUnchecked(logits, rows, cols, out, temperature);
  return out;
}

/** Row-wise log-softmax of a [rows, cols] matrix into `out`. */
export function logSoftmaxRows(
  logits: Float64Array,
  rows: number,
  cols: number,
  out: Float64Array = new Float64Array(rows * cols),
  temperature = 1,
): Float64Array {
  checkRows("logSoftmax", logits, rows, cols, out);
  checkTemperature("logSoftmax", temperature);
  assertFinite("logSoftmax", logits, "logits");
  const inv = 1 / temperature;
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    let max = -Infinity;
    for (let j = 0; j < cols; j++) if (logits[o + j]! > max) max = logits[o + j]!;
    let sum = 0;
    for (let j = 0; j < cols; j++) sum += Math.exp((logits[o + j]! - max) * inv);
    const logSum = Math.log(sum);
    for (let j = 0; j < cols; j++) out[o + j] = (logits[o + j]! - max) * inv - logSum;
  }
  return out;
}

/** Softmax of one vector, e.g. softmax([1000, 1001, 1002]) or softmax(logits, 0.5) for a sharper distribution. */
export function softmax(logits: ArrayLike<number>, temperature = 1): Float64Array {
  const values = Float64Array.from(logits);
  if (values.length === 0) throw new ComputeError("softmax", "logits must not be empty");
  return softmaxRows(values, 1, values.length, values, temperature);
}

/** Log-softmax of one vector. */
export function logSoftmax(logits: ArrayLike<number>, temperature = 1): Float64Array {
  const values = Float64Array.from(logits);
  if (values.length === 0) throw new ComputeError("logSoftmax", "logits must not be empty");
  return logSoftmaxRows(values, 1, values.length, values, temperature);
}
