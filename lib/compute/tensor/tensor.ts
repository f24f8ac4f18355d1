import { ComputeError, assertFinite } from "../errors";

/**
 * A row-major n-dimensional array of float64: element (i, j) of a [rows, cols]
 * tensor is data[i * cols + j]. Plain data, so it crosses a Worker boundary
 * and serialises as is; every op checks shapes and names them when they clash.
 */
export type Tensor = { shape: number[]; data: Float64Array };

export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(", ")}]`;
}

/** Number of elements of a shape; throws on negative or fractional sizes. */
export function sizeOf(shape: readonly number[], op = "tensor"): number {
  let size = 1;
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) {
      throw new ComputeError(op, `shape ${formatShape(shape)} has size ${d}; sizes must be integers ≥ 0`);
    }
    size *= d;
  }
  return size;
}

/** Wraps (or copies from a plain array) data with a shape; the length must match and every value be finite. */
export function tensor(data: Float64Array | readonly number[], shape: readonly number[]): Tensor {
  const size = sizeOf(shape, "tensor");
  if (data.length !== size) {
    throw new ComputeError("tensor", `shape ${formatShape(shape)} needs ${size} values, got ${data.length}`);
  }
  assertFinite("tensor", data, "data");
  return { shape: [...shape], data: data instanceof Float64Array ? data : Float64Array.from(data) };
}

export function zeros(shape: readonly number[]): Tensor {
  return { shape: [...shape], data: new Float64Array(sizeOf(shape, "zeros")) };
}

/** A tensor from nested rows, e.g. [[1, 2], [3, 4]] → shape [2, 2]. */
export function fromRows(rows: readonly (readonly number[])[]): Tensor {
  const cols = rows[0]?.length ?? 0;
  rows.forEach((row, i) => {
    if (row.length !== cols) {
      throw new ComputeError("fromRows", `row ${i} has ${row.length} values, row 0 has ${cols}`);
    }
  });
  return tensor(rows.flat(), [rows.length, cols]);
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

export function assertSameShape(op: string, a: Tensor, b: Tensor): void {
  if (!sameShape(a.shape, b.shape)) {
    throw new ComputeError(op, `shapes ${formatShape(a.shape)} and ${formatShape(b.shape)} must be equal`);
  }
}

/** Checks that a tensor is 2-D and returns its [rows, cols]. */
export function matrixShape(op: string, t: Tensor, what = "input"): [number, number] {
  if (t.shape.length !== 2) {
    throw new ComputeError(op, `${what} must be a matrix [rows, cols], got shape ${formatShape(t.shape)}`);
  }
  return [t.shape[0]!, t.shape[1]!];
}
