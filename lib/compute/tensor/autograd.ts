import { type ActivationOptions, activation } from "../activations";
import { ComputeError } from "../errors";
import { type OpAttrs, type OpName, opRules } from "./ops";
import { type Tensor, formatShape, tensor } from "./tensor";

/**
 * Reverse-mode autograd over tensors: each Variable remembers the op that made
 * it and its inputs; backward() visits the graph in reverse topological order
 * and lets each op's backward rule (ops.ts) pass gradients to its inputs.
 * This is the general, readable path (any composition of primitives); the
 * training loop in nn/ uses fused hand-written passes over reused buffers.
 */
export class Variable {
  /** ∂(root)/∂(this) after root.backward(); null before. */
  grad: Tensor | null = null;

  constructor(
    readonly value: Tensor,
    readonly op: OpName | "leaf" = "leaf",
    readonly inputs: readonly Variable[] = [],
    readonly attrs: OpAttrs = {},
    readonly label = "",
  ) {}

  get shape(): number[] {
    return this.value.shape;
  }

  matmul(other: Variable): Variable {
    return apply("matmul", [this, other]);
  }
  add(other: Variable): Variable {
    return apply("add", [this, other]);
  }
  sub(other: Variable): Variable {
    return apply("sub", [this, other]);
  }
  mul(other: Variable): Variable {
    return apply("mul", [this, other]);
  }
  sum(): Variable {
    return apply("sum", [this]);
  }
  mean(): Variable {
    return apply("mean", [this]);
  }
  /** Elementwise activation by name (any of activations.ts), e.g. x.activate("leaky-relu", { alpha: 0.1 }). */
  activate(name: string, options: ActivationOptions = {}): Variable {
    return apply("activation", [this], { activation: activation(name, options) });
  }
  /** Mean over rows of the cross-entropy of softmax(this) against `target` (one-hot or probabilities). */
  softmaxCrossEntropy(target: Variable): Variable {
    return apply("softmax-cross-entropy", [this, target]);
  }
  mse(target: Variable): Variable {
    return apply("mse", [this, target]);
  }

  /** Fills .grad of every variable this one depends on with ∂this/∂variable; this must be a scalar. */
  backward(): void {
    if (this.value.data.length !== 1) {
      throw new ComputeError(
        "backward",
        `can only start from a scalar, got shape ${formatShape(this.shape)}`,
      );
    }
    const order = topologicalOrder(this);
    for (const v of order) v.grad = null;
    this.grad = { shape: [...this.shape], data: Float64Array.of(1) };
    for (let i = order.length - 1; i >= 0; i--) {
      const v = order[i]!;
      if (v.op === "leaf" || v.grad === null) continue;
      const rule = opRules[v.op];
      const inputs = v.inputs.map((x) => x.value);
      const grads = rule.backward(
        v.grad,
        inputs,
        v.value,
        v.attrs,
        inputs.map(() => true),
      );
      v.inputs.forEach((input, k) => {
        const g = grads[k];
        if (!g) return;
        if (input.grad === null) input.grad = { shape: [...input.shape], data: Float64Array.from(g.data) };
        else for (let j = 0; j < g.data.length; j++) input.grad.data[j]! += g.data[j]!;
      });
    }
  }
}

/** A leaf: a value to differentiate with respect to (or a constant input). Data must be finite. */
export function variable(
  data: Float64Array | readonly number[],
  shape: readonly number[],
  label = "",
): Variable {
  return new Variable(tensor(data, shape), "leaf", [], {}, label);
}

/** Runs a primitive's forward rule and records it for backward. */
export function apply(op: OpName, inputs: Variable[], attrs: OpAttrs = {}): Variable {
  const rule = opRules[op];
  if (!rule)
    throw new ComputeError(
      "apply",
      `unknown op "${String(op)}"; expected one of ${Object.keys(opRules).join(", ")}`,
    );
  if (inputs.length !== rule.arity) {
    throw new ComputeError(op, `takes ${rule.arity} input(s), got ${inputs.length}`);
  }
  const out = rule.forward(
    inputs.map((x) => x.value),
    attrs,
  );
  return new Variable(out, op, inputs, attrs);
}

/** Every variable reachable from root, each after all of its inputs (iterative, so deep graphs do not overflow the stack). */
function topologicalOrder(root: Variable): Variable[] {
  const order: Variable[] = [];
  const visited = new Set<Variable>();
  const stack: [Variable, number][] = [[root, 0]];
  visited.add(root);
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const [v, next] = top;
    if (next < v.inputs.length) {
      top[1] = next + 1;
      const child = v.inputs[next]!;
      if (!visited.has(child)) {
        visited.add(child);
        stack.push([child, 0]);
      }
    } else {
      stack.pop();
      order.push(v);
    }
  }
  return order;
}
