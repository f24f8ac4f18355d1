/** Every invalid input to the library throws this, naming the operation and the offending value or shapes. */
export class ComputeError extends Error {
  constructor(
    readonly op: string,
    message: string,
  ) {
    super(`${op}: ${message}`);
    this.name = "ComputeError";
  }
}

export function assertFinite(op: string, values: ArrayLike<number>, what = "input"): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) throw new ComputeError(op, `${what} has ${v} at index ${i}`);
  }
}

export function assertPositiveInt(op: string, name: string, value: number): void {
  if (!Number.isInteger(value) || value <= 0)
    throw new ComputeError(op, `${name} must be a positive integer, got ${value}`);
}

export function assertNonNegative(op: string, name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0)
    throw new ComputeError(op, `${name} must be a finite number ≥ 0, got ${value}`);
}
