import { describe, expect, it } from "vitest";
import { ComputeError } from "@/lib/compute/errors";
import {
  type Variable,
  apply,
  fromRows,
  matmul,
  matmulTransposed,
  opRules,
  tensor,
  transpose,
  variable,
} from "@/lib/compute/tensor";
import { Random } from "@/lib/compute/random";
import {
  RELATIVE_TOLERANCE,
  numericGradient,
  oneHotRows,
  randomArray,
  worstError,
} from "../numeric-gradient";

/** Builds a scalar from leaves, backpropagates, and checks every leaf's gradient against central differences. */
function checkGraph(leaves: Variable[], build: () => Variable) {
  build().backward();
  const analytic = leaves.map((v) => Float64Array.from(v.grad!.data));
  leaves.forEach((leaf, k) => {
    const worst = worstError(
      analytic[k]!,
      numericGradient(leaf.value.data, () => build().value.data[0]!),
    );
    expect(worst.error, `${leaf.label}: ${JSON.stringify(worst)}`).toBeLessThan(RELATIVE_TOLERANCE);
  });
}

const rng = new Random(21);
const leaf = (shape: number[], label: string, scale = 1) =>
  variable(
    randomArray(
      rng,
      shape.reduce((a, b) => a * b, 1),
      scale,
    ),
    shape,
    label,
  );

describe("each primitive of the tensor autograd", () => {
  it("matmul: gradients of sum(A·B) and of a weighted sum agree with central differences", () => {
    const a = leaf([3, 4], "A");
    const b = leaf([4, 2], "B");
    const c = leaf([3, 2], "C");
    checkGraph([a, b, c], () => a.matmul(b).mul(c).sum());
  });

  it("add with a bias broadcast over rows, and sub", () => {
    const x = leaf([4, 3], "X");
    const bias = leaf([3], "b");
    const y = leaf([4, 3], "Y");
    const w = leaf([4, 3], "W");
    checkGraph([x, bias, y, w], () => x.add(bias).sub(y).mul(w).sum());
    checkGraph([x, bias, w], () => x.sub(bias).mul(w).mean());
  });

  it("mul, sum and mean", () => {
    const a = leaf([2, 3], "a");
    const b = leaf([2, 3], "b");
    checkGraph([a, b], () => a.mul(b).mul(a).mean());
  });

  for (const name of ["tanh", "sigmoid", "relu", "gelu", "elu", "softplus", "swish"]) {
    it(`activation ${name}`, () => {
      const z = leaf([3, 3], "z", 1.5);
      const w = leaf([3, 3], "w");
      checkGraph([z, w], () => z.activate(name).mul(w).sum());
    });
  }

  it("softmax cross-entropy, for logits and for probability targets", () => {
    const logits = leaf([4, 3], "logits", 2);
    const targets = variable(
      Float64Array.of(0.1, 0.2, 0.7, 0, 1, 0, 0.5, 0.5, 0, 0.3, 0.3, 0.4),
      [4, 3],
      "targets",
    );
    checkGraph([logits, targets], () => logits.softmaxCrossEntropy(targets));
  });

  it("mse", () => {
    const p = leaf([5, 2], "p");
    const y = leaf([5, 2], "y");
    checkGraph([p, y], () => p.mse(y));
  });

  it("a whole 3-5-2 MLP composed from primitives", () => {
    const x = leaf([6, 3], "x");
    const w1 = leaf([3, 5], "W1");
    const b1 = leaf([5], "b1");
    const w2 = leaf([5, 2], "W2");
    const b2 = leaf([2], "b2");
    const y = variable(oneHotRows(rng, 6, 2), [6, 2], "y");
    checkGraph([x, w1, b1, w2, b2], () =>
      x.matmul(w1).add(b1).activate("tanh").matmul(w2).add(b2).softmaxCrossEntropy(y),
    );
  });

  it("adds gradients from every path when a variable is used twice", () => {
    const a = variable([3], [1], "a");
    // d/da (a·a + a) = 2a + 1 = 7
    const out = a.mul(a).add(a).sum();
    out.backward();
    expect(a.grad!.data[0]).toBe(7);
  });
});

describe("the plain tensor products", () => {
  it("agree with hand-computed values", () => {
    const a = fromRows([
      [1, 2],
      [3, 4],
    ]);
    const b = fromRows([
      [5, 6],
      [7, 8],
    ]);
    expect(Array.from(matmul(a, b).data)).toEqual([19, 22, 43, 50]);
    expect(Array.from(matmulTransposed(a, b).data)).toEqual([17, 23, 39, 53]);
    expect(Array.from(transpose(a).data)).toEqual([1, 3, 2, 4]);
  });
});

describe("the tensor engine given bad input", () => {
  it("names the op and both shapes on a mismatch", () => {
    const a = variable(new Float64Array(6), [2, 3]);
    const b = variable(new Float64Array(6), [2, 3]);
    expect(() => a.matmul(b)).toThrow("matmul: inner sizes differ: [2, 3] · [2, 3]");
    expect(() => a.add(variable(new Float64Array(2), [2]))).toThrow(
      "add: shapes [2, 3] and [2] must be equal, or [m, n] and a bias [n]",
    );
    expect(() => a.mul(variable(new Float64Array(3), [3]))).toThrow(
      "mul: shapes [2, 3] and [3] must be equal",
    );
    expect(() => a.mse(variable(new Float64Array(3), [1, 3]))).toThrow(
      "mse: shapes [2, 3] and [1, 3] must be equal",
    );
    expect(() => a.backward()).toThrow("backward: can only start from a scalar, got shape [2, 3]");
    expect(() => matmul(tensor([1, 2, 3], [3]), tensor([1], [1, 1]))).toThrow(
      "matmul: left operand must be a matrix [rows, cols], got shape [3]",
    );
  });

  it("rejects NaN, Infinity, negative sizes and unknown activations", () => {
    expect(() => variable([1, NaN], [2])).toThrow("tensor: data has NaN at index 1");
    expect(() => tensor([Infinity], [1])).toThrow(ComputeError);
    expect(() => tensor([], [-1, 2])).toThrow(
      "tensor: shape [-1, 2] has size -1; sizes must be integers ≥ 0",
    );
    expect(() => tensor([1, 2, 3], [2, 2])).toThrow("tensor: shape [2, 2] needs 4 values, got 3");
    expect(() => variable([1], [1]).activate("swishy")).toThrow(/activation: unknown activation "swishy"/);
    expect(() => fromRows([[1, 2], [3]])).toThrow("fromRows: row 1 has 1 values, row 0 has 2");
  });

  it("looks primitives up in one table, so an unknown op name is refused", () => {
    expect(Object.keys(opRules)).toEqual(
      expect.arrayContaining([
        "matmul",
        "add",
        "sub",
        "mul",
        "sum",
        "mean",
        "activation",
        "softmax-cross-entropy",
        "mse",
      ]),
    );
    expect(() => apply("conv" as never, [])).toThrow(/apply: unknown op "conv"/);
    expect(() => apply("add", [variable([1], [1])])).toThrow("add: takes 2 input(s), got 1");
  });
});
