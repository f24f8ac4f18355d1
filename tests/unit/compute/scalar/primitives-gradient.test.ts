import { describe, expect, it } from "vitest";
import { activate, Value } from "@/lib/compute/scalar";
import { centralDifference, MAX_RELATIVE_ERROR, relativeError } from "./finite-difference";

type Unary = (x: Value) => Value;

/** d f(x)/dx from backward() against central differences of the same forward pass. */
function checkUnary(f: Unary, x: number): { analytic: number; numeric: number } {
  const input = new Value(x, "x");
  f(input).backward();
  const numeric = centralDifference((t) => f(new Value(t)).data, x);
  return { analytic: input.grad, numeric };
}

const unaryCases: [string, Unary, number[]][] = [
  ["exp", (x) => x.exp(), [-2, -0.3, 0.7, 2.5]],
  ["log", (x) => x.log(), [0.05, 0.5, 1, 3.7]],
  ["tanh", (x) => x.tanh(), [-2, -0.4, 0.3, 1.7]],
  ["sigmoid", (x) => x.sigmoid(), [-3, -0.5, 0, 0.8, 4]],
  ["relu", (x) => x.relu(), [-1.3, -0.2, 0.4, 2]],
  ["leaky-relu (α = 0.01)", (x) => x.leakyRelu(), [-1.3, -0.2, 0.4, 2]],
  ["leaky-relu (α = 0.2)", (x) => x.leakyRelu(0.2), [-1.3, 0.4]],
  ["elu (α = 1)", (x) => x.elu(), [-2, -0.3, 0.6, 1.8]],
  ["elu (α = 0.5)", (x) => x.elu(0.5), [-2, -0.3, 0.6]],
  ["gelu", (x) => x.gelu(), [-2.5, -1, -0.1, 0.5, 1, 3]],
  ["softplus", (x) => x.softplus(), [-4, -0.5, 0.9, 5]],
  ["pow 2", (x) => x.pow(2), [-1.5, 0.3, 2]],
  ["pow 3", (x) => x.pow(3), [-1.5, 0.3, 2]],
  ["pow −1", (x) => x.pow(-1), [-1.5, 0.3, 2]],
  ["pow 0.5", (x) => x.pow(0.5), [0.3, 2, 9]],
  ["pow 1.5", (x) => x.pow(1.5), [0.3, 2]],
  ["pow −2.5", (x) => x.pow(-2.5), [0.3, 2]],
  ["neg (composition)", (x) => x.neg(), [-0.7, 1.2]],
];

describe("each unary primitive's gradient", () => {
  for (const [name, f, points] of unaryCases) {
    it.each(points)(`${name} matches central differences at x = %s`, (x) => {
      const { analytic, numeric } = checkUnary(f, x);
      expect(relativeError(analytic, numeric)).toBeLessThan(MAX_RELATIVE_ERROR);
    });
  }
});

describe("activations by name, including the composed ones", () => {
  const names = ["identity", "selu", "gelu-tanh", "swish", "silu", "leaky-relu", "elu"];
  for (const name of names) {
    it.each([-1.7, -0.3, 0.4, 2.2])(`${name} matches central differences at x = %s`, (x) => {
      const { analytic, numeric } = checkUnary((v) => activate(v, name), x);
      expect(relativeError(analytic, numeric)).toBeLessThan(MAX_RELATIVE_ERROR);
    });
  }

  it("swish with β = 1.7 matches central differences", () => {
    const { analytic, numeric } = checkUnary((v) => activate(v, "swish", { beta: 1.7 }), -0.8);
    expect(relativeError(analytic, numeric)).toBeLessThan(MAX_RELATIVE_ERROR);
  });
});

type Binary = (a: Value, b: Value) => Value;

const binaryCases: [string, Binary][] = [
  ["add", (a, b) => a.add(b)],
  ["mul", (a, b) => a.mul(b)],
  ["sub (composition)", (a, b) => a.sub(b)],
  ["div (composition)", (a, b) => a.div(b)],
  [
    "a mixed expression",
    (a, b) => a.mul(b).pow(2).add(b.exp()).log().mul(a.sub(b).tanh()).div(a.pow(2).add(1)),
  ],
];
const pairs: [number, number][] = [
  [0.6, 1.3],
  [-0.9, 0.4],
  [2.1, -1.7],
];

describe("each binary operation's gradient with respect to both operands", () => {
  for (const [name, f] of binaryCases) {
    it.each(pairs)(`${name} matches central differences at (%s, %s)`, (a0, b0) => {
      const a = new Value(a0, "a");
      const b = new Value(b0, "b");
      f(a, b).backward();
      const dA = centralDifference((t) => f(new Value(t), new Value(b0)).data, a0);
      const dB = centralDifference((t) => f(new Value(a0), new Value(t)).data, b0);
      expect(relativeError(a.grad, dA)).toBeLessThan(MAX_RELATIVE_ERROR);
      expect(relativeError(b.grad, dB)).toBeLessThan(MAX_RELATIVE_ERROR);
    });
  }

  it("operations with a plain number leave that number out of the gradient", () => {
    const a = new Value(1.5, "a");
    a.mul(3).sub(2).div(4).backward(); // (3a − 2)/4, d/da = 3/4
    expect(a.grad).toBe(0.75);
  });
});
