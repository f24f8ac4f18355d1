import { sigmoid, softplus, tanh } from "../activations";
import { normalCdf, normalPdf } from "../erf";
import { ComputeError } from "../errors";
import { topologicalOrder } from "./topological-order";

/**
 * A scalar that remembers how it was computed, in the shape of micrograd's
 * engine: data, grad, the children it was computed from, an op label and a
 * backward closure. Every primitive below writes its backward closure right
 * next to its forward maths, as the local derivatives ∂out/∂child it returns
 * (one per child, from values captured in the forward pass); backwardStep()
 * multiplies them by the upstream gradient. Returning the factors instead of
 * adding them to the children directly is what lets trace() print exactly the
 * numbers the chain rule used.
 */
export const valueOps = [
  "leaf",
  "add",
  "mul",
  "pow",
  "exp",
  "log",
  "tanh",
  "sigmoid",
  "relu",
  "leaky-relu",
  "elu",
  "gelu",
  "softplus",
] as const;
export type ValueOp = (typeof valueOps)[number];

const arity: Record<ValueOp, number> = {
  leaf: 0,
  add: 2,
  mul: 2,
  pow: 1,
  exp: 1,
  log: 1,
  tanh: 1,
  sigmoid: 1,
  relu: 1,
  "leaky-relu": 1,
  elu: 1,
  gelu: 1,
  softplus: 1,
};

/** How an op node came to be; leaves have none. */
export type ValueOrigin = {
  op: ValueOp;
  children: Value[];
  /** The exponent of pow, α of leaky-relu and elu. */
  param?: number;
  /** ∂out/∂children[i], evaluated from values captured in the forward pass. */
  localDerivatives: () => number[];
};

export type ValueOptions = {
  label?: string;
  /** TeX symbol for trace(); derived from the label when it looks like one ("w1" → w_{1}). */
  tex?: string;
  /** A literal an op promoted to a Value (the −1 inside a − b); trace() prints it as a number. */
  constant?: boolean;
};

type Operand = Value | number;

let nextSerial = 0;
const noDerivatives = (): number[] => [];

export class Value {
  #data: number;
  grad = 0;
  label: string;
  tex: string | undefined;
  readonly op: ValueOp;
  readonly children: readonly Value[];
  readonly param: number | undefined;
  readonly isConstant: boolean;
  /** Creation order. A node is created after its inputs, so sorting by serial is a topological order. */
  readonly serial = nextSerial++;
  readonly localDerivatives: () => number[];

  constructor(data: number, labelOrOptions: string | ValueOptions = "", origin?: ValueOrigin) {
    if (typeof labelOrOptions === "string") {
      this.label = labelOrOptions;
      this.tex = undefined;
      this.isConstant = false;
    } else {
      this.label = labelOrOptions.label ?? "";
      this.tex = labelOrOptions.tex;
      this.isConstant = labelOrOptions.constant ?? false;
    }
    validate(data, this.label, origin);
    this.#data = data;
    this.op = origin?.op ?? "leaf";
    this.children = origin?.children ?? [];
    this.param = origin?.param;
    this.localDerivatives = origin?.localDerivatives ?? noDerivatives;
  }

  /**
   * This node's step of backpropagation: child.grad += ∂out/∂child · out.grad, with
   * ∂out/∂child from the closure its op wrote beside the forward maths. A method, not a
   * second closure per node, to halve the allocations in big graphs.
   */
  backwardStep(): void {
    const local = this.localDerivatives();
    for (let i = 0; i < this.children.length; i++) this.children[i]!.grad += local[i]! * this.grad;
  }

  get data(): number {
    return this.#data;
  }

  /** Leaves only (a parameter update); an op node's data is fixed by its inputs. */
  set data(next: number) {
    if (this.op !== "leaf")
      throw new ComputeError("Value", `cannot set data of a "${this.op}" node, only of a leaf`);
    validate(next, this.label, undefined);
    this.#data = next;
  }

  /** Sets the label (and optionally the TeX symbol) and returns this, for chaining: w.mul(x).add(b).named("z"). */
  named(label: string, tex?: string): this {
    this.label = label;
    this.tex = tex;
    return this;
  }

  // ---- primitives: forward maths and local derivatives side by side ----

  add(other: Operand): Value {
    const b = toValue("add", other);
    return new Value(this.data + b.data, "", {
      op: "add",
      children: [this, b],
      localDerivatives: () => [1, 1],
    });
  }

  mul(other: Operand): Value {
    const b = toValue("mul", other);
    const x = this.data;
    const y = b.data;
    return new Value(x * y, "", { op: "mul", children: [this, b], localDerivatives: () => [y, x] });
  }

  /** this^exponent for a constant exponent (d/dx xⁿ = n·xⁿ⁻¹). */
  pow(exponent: number): Value {
    if (typeof exponent !== "number" || !Number.isFinite(exponent)) {
      throw new ComputeError("pow", `exponent must be a finite number, got ${String(exponent)}`);
    }
    const x = this.data;
    if (x < 0 && !Number.isInteger(exponent)) {
      throw new ComputeError(
        "pow",
        `(${x})^${exponent} is not a real number (base ${describeLabel(this.label)})`,
      );
    }
    return new Value(x ** exponent, "", {
      op: "pow",
      children: [this],
      param: exponent,
      localDerivatives: () => [exponent * x ** (exponent - 1)],
    });
  }

  exp(): Value {
    const e = Math.exp(this.data);
    return new Value(e, "", { op: "exp", children: [this], localDerivatives: () => [e] });
  }

  /** Natural logarithm; defined for positive inputs only. */
  log(): Value {
    const x = this.data;
    if (!(x > 0)) throw new ComputeError("log", `input must be > 0, got ${describe(this)}`);
    return new Value(Math.log(x), "", { op: "log", children: [this], localDerivatives: () => [1 / x] });
  }

  tanh(): Value {
    const t = tanh(this.data);
    return new Value(t, "", { op: "tanh", children: [this], localDerivatives: () => [1 - t * t] });
  }

  sigmoid(): Value {
    const s = sigmoid(this.data);
    return new Value(s, "", { op: "sigmoid", children: [this], localDerivatives: () => [s * (1 - s)] });
  }

  /** max(0, x); the derivative at exactly 0 is taken as 0, as in PyTorch. */
  relu(): Value {
    const x = this.data;
    return new Value(x > 0 ? x : 0, "", {
      op: "relu",
      children: [this],
      localDerivatives: () => [x > 0 ? 1 : 0],
    });
  }

  leakyRelu(alpha = 0.01): Value {
    assertFiniteParam("leaky-relu", alpha);
    const x = this.data;
    return new Value(x > 0 ? x : alpha * x, "", {
      op: "leaky-relu",
      children: [this],
      param: alpha,
      localDerivatives: () => [x > 0 ? 1 : alpha],
    });
  }

  /** x for x > 0, α(eˣ − 1) otherwise (expm1 keeps small negative x precise). */
  elu(alpha = 1): Value {
    assertFiniteParam("elu", alpha);
    const x = this.data;
    return new Value(x > 0 ? x : alpha * Math.expm1(x), "", {
      op: "elu",
      children: [this],
      param: alpha,
      localDerivatives: () => [x > 0 ? 1 : alpha * Math.exp(x)],
    });
  }

  /** Exact GELU x·Φ(x), Φ from our erf; d/dx = Φ(x) + x·φ(x). */
  gelu(): Value {
    const x = this.data;
    const cdf = normalCdf(x);
    return new Value(x * cdf, "", {
      op: "gelu",
      children: [this],
      localDerivatives: () => [cdf + x * normalPdf(x)],
    });
  }

  /** ln(1 + eˣ), computed without overflow; its derivative is σ(x). */
  softplus(): Value {
    const x = this.data;
    return new Value(softplus(x), "", {
      op: "softplus",
      children: [this],
      localDerivatives: () => [sigmoid(x)],
    });
  }

  // ---- compositions: no backward rule of their own ----

  /** −x = x · (−1). */
  neg(): Value {
    return this.mul(constant(-1));
  }

  /** a − b = a + (−b). */
  sub(other: Operand): Value {
    return this.add(toValue("sub", other).neg());
  }

  /** a / b = a · b⁻¹. */
  div(other: Operand): Value {
    const b = toValue("div", other);
    if (b.data === 0) throw new ComputeError("div", `division by zero (divisor is ${describe(b)})`);
    return this.mul(b.pow(-1));
  }

  /**
   * Runs backpropagation from this value: every grad in the graph is reset,
   * this grad is seeded with 1, then each node's backward closure runs in
   * reverse topological order, so a node hands on its gradient only after
   * every consumer has added to it. Resetting first makes a second call give
   * the same numbers instead of doubling them; within one pass, a value used
   * twice receives both contributions.
   */
  backward(): void {
    const order = topologicalOrder(this);
    for (const node of order) node.grad = 0;
    this.grad = 1;
    for (let i = order.length - 1; i >= 0; i--) order[i]!.backwardStep();
    for (const node of order) {
      if (!Number.isFinite(node.grad)) {
        throw new ComputeError("backward", `gradient is ${node.grad} at ${describe(node)}`);
      }
    }
  }

  toString(): string {
    return `Value(${describeLabel(this.label)}, data=${this.data}, grad=${this.grad})`;
  }
}

/** A literal promoted to a Value; trace() shows it as a number and leaves it out of the backward table. */
export function constant(x: number): Value {
  return new Value(x, { constant: true });
}

/** Left-to-right sum, so the order of additions (and the float result) is predictable. */
export function sum(values: readonly Value[]): Value {
  const [first, ...rest] = values;
  if (!first) throw new ComputeError("sum", "needs at least one value, got an empty list");
  return rest.reduce((acc, v) => acc.add(v), first);
}

function toValue(op: string, x: Operand): Value {
  if (x instanceof Value) return x;
  if (typeof x !== "number" || !Number.isFinite(x)) {
    throw new ComputeError(op, `operand must be a Value or a finite number, got ${String(x)}`);
  }
  return constant(x);
}

/** Rejects an unknown op, the wrong number of inputs, and non-finite data (naming the op that produced it). */
function validate(data: number, label: string, origin: ValueOrigin | undefined): void {
  const op: string = origin?.op ?? "leaf";
  if (!Object.hasOwn(arity, op)) {
    throw new ComputeError("Value", `unknown op "${op}"; expected one of ${valueOps.join(", ")}`);
  }
  const children = origin?.children ?? [];
  const expected = arity[op as ValueOp];
  if (children.length !== expected) {
    throw new ComputeError("Value", `op "${op}" takes ${expected} inputs, got ${children.length}`);
  }
  if (Number.isFinite(data)) return;
  if (!origin)
    throw new ComputeError("Value", `data must be a finite number, got ${data} (${describeLabel(label)})`);
  const param = origin.param === undefined ? "" : ` with parameter ${origin.param}`;
  throw new ComputeError(op, `${children.map(describe).join(" and ")}${param} gives ${data}`);
}

function assertFiniteParam(op: string, alpha: number): void {
  if (typeof alpha !== "number" || !Number.isFinite(alpha)) {
    throw new ComputeError(op, `alpha must be a finite number, got ${String(alpha)}`);
  }
}

function describeLabel(label: string): string {
  return label ? `"${label}"` : "unlabelled";
}

/** e.g. `"x" leaf value 0`, `unlabelled add value -3.4`: enough to find the node in a trace. */
function describe(v: Value): string {
  return `${describeLabel(v.label)} ${v.op} value ${v.data}`;
}
