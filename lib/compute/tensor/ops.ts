import type { Activation } from "../activations";
import { ComputeError } from "../errors";
import { lossKernels } from "../losses";
import { columnSums, gemmAB, gemmABt, gemmAtB } from "./kernels";
import { type Tensor, assertSameShape, formatShape, matrixShape, sameShape } from "./tensor";

/**
 * The primitives of the tensor autograd, each a forward rule and a backward
 * rule side by side, looked up by name. Adding an op is adding one entry.
 * Backward rules receive the gradient of the final scalar with respect to the
 * op's output and return one gradient per input (null where `needs` is false).
 * Scalars are tensors of shape [].
 */
export type OpAttrs = { activation?: Activation };

export type OpRule = {
  arity: number;
  forward(inputs: Tensor[], attrs: OpAttrs): Tensor;
  backward(
    gradOut: Tensor,
    inputs: Tensor[],
    out: Tensor,
    attrs: OpAttrs,
    needs: boolean[],
  ): (Tensor | null)[];
};

const scalar = (value: number): Tensor => ({ shape: [], data: Float64Array.of(value) });
const like = (t: Tensor): Tensor => ({ shape: [...t.shape], data: new Float64Array(t.data.length) });

/** a [m, n] + b, where b is either [m, n] or a bias [n] added to every row. */
function isBiasBroadcast(a: Tensor, b: Tensor): boolean {
  return a.shape.length === 2 && b.shape.length === 1 && b.shape[0] === a.shape[1];
}

function checkAddable(op: string, a: Tensor, b: Tensor): void {
  if (!sameShape(a.shape, b.shape) && !isBiasBroadcast(a, b)) {
    throw new ComputeError(
      op,
      `shapes ${formatShape(a.shape)} and ${formatShape(b.shape)} must be equal, or [m, n] and a bias [n]`,
    );
  }
}

function elementwise(a: Tensor, b: Tensor, f: (x: number, y: number) => number): Tensor {
  const out = like(a);
  const n = b.data.length;
  for (let i = 0; i < out.data.length; i++) out.data[i] = f(a.data[i]!, b.data[i % n]!);
  return out;
}

function scaled(g: Tensor, by: number): Tensor {
  const out = like(g);
  for (let i = 0; i < g.data.length; i++) out.data[i] = g.data[i]! * by;
  return out;
}

/** The gradient reaching a broadcast bias is the sum over rows; for equal shapes it is passed through. */
function reduceTo(g: Tensor, target: Tensor, sign: number): Tensor {
  if (sameShape(g.shape, target.shape)) return sign === 1 ? g : scaled(g, sign);
  const [m, n] = [g.shape[0]!, g.shape[1]!];
  const out = like(target);
  columnSums(g.data, out.data, m, n);
  return sign === 1 ? out : scaled(out, sign);
}

function lossInputs(op: string, pred: Tensor, target: Tensor): [number, number] {
  assertSameShape(op, pred, target);
  return pred.shape.length === 2 ? [pred.shape[0]!, pred.shape[1]!] : [1, pred.data.length];
}

export const opRules = {
  /** [m, k] · [k, n] → [m, n]; dA = G·Bᵀ, dB = Aᵀ·G. */
  matmul: {
    arity: 2,
    forward([a, b]) {
      const [m, k] = matrixShape("matmul", a!, "left operand");
      const [k2, n] = matrixShape("matmul", b!, "right operand");
      if (k !== k2) {
        throw new ComputeError(
          "matmul",
          `inner sizes differ: ${formatShape(a!.shape)} · ${formatShape(b!.shape)}`,
        );
      }
      const out = new Float64Array(m * n);
      gemmAB(a!.data, b!.data, out, m, k, n);
      return { shape: [m, n], data: out };
    },
    backward(g, [a, b], _out, _attrs, needs) {
      const [m, k] = [a!.shape[0]!, a!.shape[1]!];
      const n = b!.shape[1]!;
      let da: Tensor | null = null;
      let db: Tensor | null = null;
      if (needs[0]) {
        // dA[m×k] = G[m×n] · B[k×n]ᵀ
        da = like(a!);
        gemmABt(g.data, b!.data, da.data, m, k, n);
      }
      if (needs[1]) {
        // dB[k×n] = A[m×k]ᵀ · G[m×n]
        db = like(b!);
        gemmAtB(a!.data, g.data, db.data, m, k, n);
      }
      return [da, db];
    },
  },

  /** Elementwise sum, or a bias [n] broadcast over the rows of [m, n]. */
  add: {
    arity: 2,
    forward([a, b]) {
      checkAddable("add", a!, b!);
      return elementwise(a!, b!, (x, y) => x + y);
    },
    backward(g, [a, b], _out, _attrs, needs) {
      return [needs[0] ? reduceTo(g, a!, 1) : null, needs[1] ? reduceTo(g, b!, 1) : null];
    },
  },

  /** a - b, with the same broadcasting as add. */
  sub: {
    arity: 2,
    forward([a, b]) {
      checkAddable("sub", a!, b!);
      return elementwise(a!, b!, (x, y) => x - y);
    },
    backward(g, [a, b], _out, _attrs, needs) {
      return [needs[0] ? reduceTo(g, a!, 1) : null, needs[1] ? reduceTo(g, b!, -1) : null];
    },
  },

  /** Elementwise product of equal shapes. */
  mul: {
    arity: 2,
    forward([a, b]) {
      assertSameShape("mul", a!, b!);
      return elementwise(a!, b!, (x, y) => x * y);
    },
    backward(g, [a, b], _out, _attrs, needs) {
      return [
        needs[0] ? elementwise(g, b!, (x, y) => x * y) : null,
        needs[1] ? elementwise(g, a!, (x, y) => x * y) : null,
      ];
    },
  },

  /** Sum of all elements → []. */
  sum: {
    arity: 1,
    forward([a]) {
      let s = 0;
      for (let i = 0; i < a!.data.length; i++) s += a!.data[i]!;
      return scalar(s);
    },
    backward(g, [a]) {
      const out = like(a!);
      out.data.fill(g.data[0]!);
      return [out];
    },
  },

  /** Mean of all elements → []. */
  mean: {
    arity: 1,
    forward([a]) {
      if (a!.data.length === 0)
        throw new ComputeError("mean", `cannot average an empty tensor ${formatShape(a!.shape)}`);
      let s = 0;
      for (let i = 0; i < a!.data.length; i++) s += a!.data[i]!;
      return scalar(s / a!.data.length);
    },
    backward(g, [a]) {
      const out = like(a!);
      out.data.fill(g.data[0]! / a!.data.length);
      return [out];
    },
  },

  /** An elementwise activation from activations.ts (attrs.activation). */
  activation: {
    arity: 1,
    forward([z], attrs) {
      const f = requireActivation(attrs);
      const out = like(z!);
      f.forward(z!.data, out.data);
      return out;
    },
    backward(g, [z], out, attrs) {
      const gz = like(z!);
      requireActivation(attrs).backward(z!.data, out.data, g.data, gz.data);
      return [gz];
    },
  },

  /** Mean over rows of -Σ_j y_j log softmax(z)_j, fused: dZ = (softmax(z)·Σy - y)/m, dY = -log softmax(z)/m. */
  "softmax-cross-entropy": {
    arity: 2,
    forward([logits, target]) {
      const [m, n] = lossInputs("softmax-cross-entropy", logits!, target!);
      return scalar(lossKernels["softmax-ce"](logits!.data, target!.data, m, n, null));
    },
    backward(g, [logits, target], _out, _attrs, needs) {
      const [m, n] = lossInputs("softmax-cross-entropy", logits!, target!);
      const dz = like(logits!);
      lossKernels["softmax-ce"](logits!.data, target!.data, m, n, dz.data);
      let dy: Tensor | null = null;
      if (needs[1]) {
        dy = like(target!);
        for (let i = 0; i < m; i++) {
          let max = -Infinity;
          for (let j = 0; j < n; j++) max = Math.max(max, logits!.data[i * n + j]!);
          let sum = 0;
          for (let j = 0; j < n; j++) sum += Math.exp(logits!.data[i * n + j]! - max);
          const logSum = Math.log(sum);
          for (let j = 0; j < n; j++)
            dy.data[i * n + j] = (-(logits!.data[i * n + j]! - max - logSum) / m) * g.data[0]!;
        }
      }
      return [scaled(dz, g.data[0]!), dy];
    },
  },

  /** Mean squared error over all elements → []. */
  mse: {
    arity: 2,
    forward([pred, target]) {
      const [m, n] = lossInputs("mse", pred!, target!);
      return scalar(lossKernels.mse(pred!.data, target!.data, m, n, null));
    },
    backward(g, [pred, target], _out, _attrs, needs) {
      const [m, n] = lossInputs("mse", pred!, target!);
      const dp = like(pred!);
      lossKernels.mse(pred!.data, target!.data, m, n, dp.data);
      return [scaled(dp, g.data[0]!), needs[1] ? scaled(dp, -g.data[0]!) : null];
    },
  },
} satisfies Record<string, OpRule>;

export type OpName = keyof typeof opRules;

function requireActivation(attrs: OpAttrs): Activation {
  if (!attrs.activation) throw new ComputeError("activation", "no activation given to the activation op");
  return attrs.activation;
}
