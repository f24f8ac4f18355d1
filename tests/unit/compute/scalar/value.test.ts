import { describe, expect, it } from "vitest";
import { ComputeError } from "@/lib/compute/errors";
import { activate, sum, topologicalOrder, Value, type ValueOp } from "@/lib/compute/scalar";

describe("closed forms of the activation primitives", () => {
  it("sigmoid is 1/2 at 0 with slope 1/4", () => {
    const x = new Value(0, "x");
    const y = x.sigmoid();
    y.backward();
    expect(y.data).toBe(0.5);
    expect(x.grad).toBe(0.25);
  });

  it("tanh(1) equals (e² − 1)/(e² + 1) and tanh'(0) is 1", () => {
    const e2 = Math.exp(2);
    expect(new Value(1).tanh().data).toBeCloseTo((e2 - 1) / (e2 + 1), 15);
    const x = new Value(0);
    x.tanh().backward();
    expect(x.grad).toBe(1);
  });

  it("GELU(1) = Φ(1) and GELU(−1) = −(1 − Φ(1)), with Φ(1) = 0.8413447460685429", () => {
    const PHI_1 = 0.8413447460685429; // standard normal CDF at 1 (published tables, 16 digits)
    expect(new Value(1).gelu().data).toBeCloseTo(PHI_1, 14);
    expect(new Value(-1).gelu().data).toBeCloseTo(-(1 - PHI_1), 14);
  });

  it("GELU'(0) is Φ(0) = 1/2", () => {
    const x = new Value(0);
    x.gelu().backward();
    expect(x.grad).toBe(0.5);
  });

  it("softplus(0) is ln 2 with slope 1/2", () => {
    const x = new Value(0);
    const y = x.softplus();
    y.backward();
    expect(y.data).toBeCloseTo(Math.LN2, 15);
    expect(x.grad).toBe(0.5);
  });

  it("ELU(−1) with α = 1 is e⁻¹ − 1 and leaky ReLU(−2) with α = 0.1 is −0.2", () => {
    expect(new Value(-1).elu().data).toBeCloseTo(Math.exp(-1) - 1, 15);
    expect(new Value(-2).leakyRelu(0.1).data).toBeCloseTo(-0.2, 15);
  });

  it("ReLU takes derivative 0 at exactly 0", () => {
    const x = new Value(0);
    x.relu().backward();
    expect(x.grad).toBe(0);
  });

  it("exp and log are inverse: log(e) = 1, exp(1) = e", () => {
    expect(new Value(Math.E).log().data).toBe(1);
    expect(new Value(1).exp().data).toBe(Math.E);
  });
});

describe("a value used more than once", () => {
  it("receives both contributions in a + a", () => {
    const a = new Value(3, "a");
    a.add(a).backward();
    expect(a.grad).toBe(2);
  });

  it("receives both contributions in a · a (d/da a² = 2a)", () => {
    const a = new Value(3, "a");
    a.mul(a).backward();
    expect(a.grad).toBe(6);
  });

  it("receives every path's contribution through a diamond: f = (a·b)·(a + b)", () => {
    // ∂f/∂a = b(a + b) + ab = 2·5 + 6 = 16; ∂f/∂b = a(a + b) + ab = 3·5 + 6 = 21
    const a = new Value(3, "a");
    const b = new Value(2, "b");
    a.mul(b).mul(a.add(b)).backward();
    expect(a.grad).toBe(16);
    expect(b.grad).toBe(21);
  });

  it("gives the same gradients when backward() runs twice (grads are reset, not doubled)", () => {
    const a = new Value(3, "a");
    const f = a.mul(a);
    f.backward();
    f.backward();
    expect(a.grad).toBe(6);
  });
});

describe("micrograd's README example (its values were checked there against PyTorch)", () => {
  it("reproduces g = 24.7041, dg/da = 138.8338, dg/db = 645.5773", () => {
    const a = new Value(-4, "a");
    const b = new Value(2, "b");
    let c = a.add(b);
    let d = a.mul(b).add(b.pow(3));
    c = c.add(c.add(1));
    c = c.add(c.add(1).add(a.neg()));
    d = d.add(d.mul(2).add(b.add(a).relu()));
    d = d.add(d.mul(3).add(b.sub(a).relu()));
    const e = c.sub(d);
    const f = e.pow(2);
    let g = f.div(2);
    g = g.add(new Value(10).div(f));
    g.backward();
    expect(g.data).toBeCloseTo(24.7041, 4);
    expect(a.grad).toBeCloseTo(138.8338, 4);
    expect(b.grad).toBeCloseTo(645.5773, 4);
  });
});

describe("graph bookkeeping", () => {
  it("orders nodes so every node comes after its children", () => {
    const x = new Value(1, "x");
    const y = x.mul(2).tanh().add(x.exp()).named("y");
    const order = topologicalOrder(y);
    expect(order.at(-1)).toBe(y);
    const position = new Map(order.map((v, i) => [v, i]));
    for (const v of order)
      for (const c of v.children) expect(position.get(c)!).toBeLessThan(position.get(v)!);
  });

  it("handles a chain 20,000 nodes deep without overflowing the stack", () => {
    let v = new Value(0, "x");
    for (let i = 0; i < 20_000; i++) v = v.add(1);
    v.backward();
    expect(v.data).toBe(20_000);
  });

  it("records op, children, param and labels", () => {
    const x = new Value(-2, "x");
    const y = x.leakyRelu(0.1).named("y", "\\hat{y}");
    expect(y.op).toBe("leaky-relu");
    expect(y.children).toEqual([x]);
    expect(y.param).toBe(0.1);
    expect(y.label).toBe("y");
    expect(y.tex).toBe("\\hat{y}");
  });

  it("sums left to right", () => {
    const values = [1, 2, 3].map((v) => new Value(v));
    const s = sum(values);
    expect(s.data).toBe(6);
    expect(s.children[0]!.op).toBe("add");
  });

  it("lets a leaf be updated, as an optimizer step does", () => {
    const w = new Value(1, "w");
    w.data -= 0.5;
    expect(w.data).toBe(0.5);
  });
});

describe("invalid inputs", () => {
  const fails = (f: () => unknown, pattern: RegExp) => {
    let thrown: unknown;
    try {
      f();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ComputeError);
    expect((thrown as Error).message).toMatch(pattern);
  };

  it("rejects NaN and Infinity as data, naming the label", () => {
    fails(() => new Value(NaN, "w"), /^Value: .*NaN.*"w"/);
    fails(() => new Value(Infinity), /^Value: .*Infinity/);
    const w = new Value(1, "w");
    fails(() => (w.data = NaN), /^Value: .*NaN.*"w"/);
  });

  it("rejects NaN as a number operand, naming the op", () => {
    const x = new Value(1);
    fails(() => x.add(NaN), /^add: .*NaN/);
    fails(() => x.mul(Infinity), /^mul: .*Infinity/);
    fails(() => x.sub(NaN), /^sub: .*NaN/);
  });

  it("rejects log of zero and of a negative number, naming the value", () => {
    fails(() => new Value(0, "x").log(), /^log: .*> 0.*"x" leaf value 0/);
    fails(() => new Value(-1.5, "x").log(), /^log: .*"x" leaf value -1.5/);
  });

  it("rejects division by zero", () => {
    fails(() => new Value(1).div(new Value(0, "d")), /^div: division by zero.*"d"/);
    fails(() => new Value(1).div(0), /^div: division by zero/);
  });

  it("rejects a result that overflows, naming the op and input", () => {
    fails(() => new Value(1000, "x").exp(), /^exp: "x" leaf value 1000 gives Infinity/);
    fails(() => new Value(0, "x").pow(-1), /^pow: "x" leaf value 0 with parameter -1 gives Infinity/);
  });

  it("rejects a fractional power of a negative number and a non-finite exponent", () => {
    fails(() => new Value(-2, "x").pow(0.5), /^pow: \(-2\)\^0.5 is not a real number/);
    fails(() => new Value(2).pow(NaN), /^pow: exponent .*NaN/);
  });

  it("rejects a non-finite α", () => {
    fails(() => new Value(1).leakyRelu(NaN), /^leaky-relu: alpha .*NaN/);
    fails(() => new Value(1).elu(Infinity), /^elu: alpha .*Infinity/);
  });

  it("rejects an unknown op and the wrong number of inputs", () => {
    const x = new Value(1);
    fails(
      () => new Value(1, "", { op: "cube" as ValueOp, children: [x], localDerivatives: () => [3] }),
      /^Value: unknown op "cube"/,
    );
    fails(
      () => new Value(1, "", { op: "add", children: [x], localDerivatives: () => [1] }),
      /takes 2 inputs, got 1/,
    );
  });

  it("rejects an unknown activation name, listing the known ones", () => {
    fails(() => activate(new Value(1), "swishy"), /^activate: unknown activation "swishy".*tanh/);
    fails(() => activate(new Value(1), "step"), /^activate: unknown activation "step"/);
    fails(() => activate(new Value(1), "elu", { alpha: NaN }), /^activate: elu: alpha/);
  });

  it("refuses to overwrite the data of an op node", () => {
    const y = new Value(1).exp();
    fails(() => (y.data = 2), /^Value: cannot set data of a "exp" node/);
  });

  it("rejects a gradient that overflows instead of returning it", () => {
    // d/dx √x = 1/(2√x) is infinite at 0
    fails(() => new Value(0, "x").pow(0.5).backward(), /^backward: gradient is Infinity at "x"/);
  });

  it("rejects summing an empty list", () => {
    fails(() => sum([]), /^sum: .*empty/);
  });
});
