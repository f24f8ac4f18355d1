import katex from "katex";
import { describe, expect, it } from "vitest";
import { ComputeError } from "@/lib/compute/errors";
import {
  activate,
  formatNumber,
  labelToTex,
  scalarMlpForward,
  trace,
  Value,
  type Trace,
} from "@/lib/compute/scalar";

/** Renders with KaTeX in strict mode: any unknown macro, bad brace or unicode-in-math throws. */
function render(tex: string): string {
  return katex.renderToString(tex, { strict: "error", throwOnError: true });
}

function allFormulas(t: Trace): string[] {
  return t.steps.flatMap((s) => [s.symbol, s.forward, s.backward, ...s.local.map((l) => l.tex)]);
}

function neuronLoss() {
  const x = new Value(1.5, "x");
  const w = new Value(0.8, "w");
  const b = new Value(-0.2, "b");
  const t = new Value(1, "t");
  const z = w.mul(x).add(b).named("z");
  const y = z.sigmoid().named("y");
  return { w, L: y.sub(t).pow(2).named("L") };
}

/** One graph that passes through every primitive and composition, named and unnamed, with tiny and negative values. */
function everyOp(): Value {
  const a = new Value(0.7, "a");
  const b = new Value(-1.3, "b");
  const tiny = new Value(3e-7, "epsilon");
  const parts = [
    a.mul(b).exp(),
    a.add(2).log(),
    b.tanh().named("h"),
    a.sigmoid(),
    b.relu(),
    b.leakyRelu(0.05),
    b.elu(),
    a.gelu(),
    b.softplus(),
    a.pow(3),
    a.pow(0.5),
    a.pow(-2.5),
    a.div(b),
    a.sub(b).neg(),
    b.sub(0.5),
    a.div(4),
    tiny.mul(a),
    a.mul(a),
    activate(b, "selu"),
    activate(a, "gelu-tanh"),
    activate(b, "swish", { beta: 2 }),
  ];
  return parts.reduce((acc, p) => acc.add(p)).named("total");
}

describe("trace of the single-neuron loss L = (σ(wx + b) − t)²", () => {
  it("lists the forward pass in the order it was computed: inputs before consumers, L last", () => {
    const { L } = neuronLoss();
    const t = trace(L);
    t.forward.forEach((step, i) => {
      if (i > 0) expect(step.id).toBeGreaterThan(t.forward[i - 1]!.id);
      for (const input of step.inputs) expect(input.id).toBeLessThan(step.id);
    });
    expect(t.forward.at(-1)!.label).toBe("L");
    expect(t.forward.map((s) => s.label).filter(Boolean)).toEqual(["x", "w", "b", "t", "z", "y", "L"]);
  });

  it("lists the backward pass in reverse, starting from ∂L/∂L = 1", () => {
    const t = trace(neuronLoss().L);
    expect(t.backward.map((s) => s.id)).toEqual(t.forward.map((s) => s.id).reverse());
    expect(t.backward[0]!.backward).toBe("\\frac{\\partial L}{\\partial L} = 1");
  });

  it("writes z's forward step with symbols, then numbers, then the value", () => {
    const z = trace(neuronLoss().L).steps.find((s) => s.label === "z")!;
    expect(z.forward).toBe("z = w \\cdot x + b = 0.8 \\cdot 1.5 + (-0.2) = 1");
  });

  it("writes the sigmoid step and its local derivative y(1 − y), rounded with ≈", () => {
    const y = trace(neuronLoss().L).steps.find((s) => s.label === "y")!;
    expect(y.forward).toBe("y = \\sigma(z) = \\sigma(1) \\approx 0.7311");
    expect(y.local).toHaveLength(1);
    expect(y.local[0]!.tex).toBe(
      "\\frac{\\partial y}{\\partial z} = y \\cdot (1 - y) = 0.7311 \\cdot (1 - 0.7311) \\approx 0.1966",
    );
  });

  it("writes a − b as a − b and the loss as (y − t)², not as a sum with −1", () => {
    const L = trace(neuronLoss().L).steps.find((s) => s.label === "L")!;
    expect(L.forward).toBe("L = (y - t)^{2} = (0.7311 - 1)^{2} \\approx 0.07233");
  });

  it("gives w's chain-rule step ending in the hand-computed −0.1586", () => {
    const w = trace(neuronLoss().L).steps.find((s) => s.label === "w")!;
    expect(w.backward).toBe(
      "\\frac{\\partial L}{\\partial w} = \\frac{\\partial L}{\\partial (w \\cdot x)} \\cdot " +
        "\\frac{\\partial (w \\cdot x)}{\\partial w} = (-0.1058) \\cdot 1.5 \\approx -0.1586",
    );
    expect(w.grad).toBeCloseTo(-0.1586, 4);
  });

  it("leaves the −1 that sub() multiplies by out of both tables but keeps it in steps", () => {
    const t = trace(neuronLoss().L);
    const constants = t.steps.filter((s) => s.kind === "constant");
    expect(constants.map((s) => s.value)).toEqual([-1]);
    expect(t.forward.some((s) => s.kind === "constant")).toBe(false);
    expect(t.backward.some((s) => s.kind === "constant")).toBe(false);
  });

  it("renders every formula with KaTeX in strict mode", () => {
    for (const tex of allFormulas(trace(neuronLoss().L))) expect(() => render(tex)).not.toThrow();
  });
});

describe("trace's numbers agree with the engine they describe", () => {
  it("each step's chain-rule terms add up to its grad, and each term is upstream × local", () => {
    const t = trace(everyOp());
    for (const step of t.backward.slice(1)) {
      const total = step.terms.reduce((s, term) => s + term.product, 0);
      expect(total).toBeCloseTo(step.grad, 12);
      for (const term of step.terms) {
        expect(term.upstream).toBe(t.steps[term.consumer]!.grad);
        expect(term.product).toBe(term.upstream * term.local);
      }
    }
  });

  it("sums the local derivative over both slots when a value is multiplied by itself", () => {
    const a = new Value(3, "a");
    const t = trace(a.mul(a).named("q"));
    const q = t.steps.find((s) => s.label === "q")!;
    expect(q.local).toEqual([
      { input: 0, value: 6, tex: "\\frac{\\partial q}{\\partial a} = a + a = 3 + 3 = 6" },
    ]);
    expect(t.steps[0]!.grad).toBe(6);
  });

  it("shows both contributions when a value feeds two consumers", () => {
    const a = new Value(2, "a");
    const t = trace(a.exp().add(a.mul(3)).named("f"));
    const step = t.steps.find((s) => s.label === "a")!;
    expect(step.terms).toHaveLength(2);
    expect(step.backward).toBe(
      "\\frac{\\partial f}{\\partial a} = \\frac{\\partial f}{\\partial (e^{a})} \\cdot \\frac{\\partial (e^{a})}{\\partial a} + " +
        "\\frac{\\partial f}{\\partial (a \\cdot 3)} \\cdot \\frac{\\partial (a \\cdot 3)}{\\partial a} = 1 \\cdot 7.389 + 1 \\cdot 3 \\approx 10.39",
    );
    expect(step.grad).toBeCloseTo(Math.exp(2) + 3, 14);
  });

  it("is deterministic: the same graph gives the same trace", () => {
    expect(JSON.stringify(trace(everyOp()))).toBe(JSON.stringify(trace(everyOp())));
  });
});

describe("trace over every op", () => {
  it("renders every formula with KaTeX in strict mode", () => {
    const formulas = allFormulas(trace(everyOp()));
    expect(formulas.length).toBeGreaterThan(100);
    for (const tex of formulas) expect(() => render(tex), tex).not.toThrow();
  });

  it("names long unnamed intermediates v_{id} instead of writing them out", () => {
    const t = trace(everyOp());
    const named = t.steps.filter((s) => /^v_\{\d+\}$/.test(s.symbol));
    expect(named.length).toBeGreaterThan(0);
    for (const s of named) expect(s.symbol).toBe(`v_{${s.id}}`);
  });

  it("writes tiny numbers in scientific notation and labels such as epsilon as Greek letters", () => {
    const t = trace(everyOp());
    expect(t.steps.find((s) => s.label === "epsilon")!.forward).toBe("\\epsilon = 3 \\times 10^{-7}");
  });

  it("writes a / b as a fraction and a − 0.5 as a subtraction", () => {
    const a = new Value(1, "a");
    const b = new Value(4, "b");
    expect(trace(a.div(b).named("q")).steps.at(-1)!.forward).toBe("q = \\frac{a}{b} = \\frac{1}{4} = 0.25");
    expect(trace(a.sub(0.5).named("r")).steps.at(-1)!.forward).toBe("r = a - 0.5 = 1 - 0.5 = 0.5");
  });
});

describe("trace of a small MLP built by scalarMlpForward", () => {
  it("renders every formula with KaTeX and names nodes z^{(l)}_{j}, a^{(l)}_{j}, W^{(l)}_{j,i}", () => {
    const net = scalarMlpForward(
      [
        {
          W: [
            [0.5, -0.3],
            [0.8, 0.1],
          ],
          b: [0.1, -0.2],
        },
        { W: [[1.2, -0.7]], b: [0.05] },
      ],
      ["relu", "sigmoid"],
      [1, 2],
    );
    const loss = net.outputs[0]!.sub(1).pow(2).named("L");
    const t = trace(loss);
    for (const tex of allFormulas(t)) expect(() => render(tex), tex).not.toThrow();
    const symbols = t.steps.map((s) => s.symbol);
    expect(symbols).toContain("z^{(1)}_{0}");
    expect(symbols).toContain("a^{(2)}_{0}");
    expect(symbols).toContain("W^{(1)}_{1,0}");
  });
});

describe("TeX helpers", () => {
  it.each([
    ["w1", "w_{1}"],
    ["x_2", "x_{2}"],
    ["L", "L"],
    ["sigma", "\\sigma"],
    ["loss", "\\mathrm{loss}"],
    ["y_hat", "y_{hat}"],
    ["w_beta", "w_{\\beta}"],
  ])("turns the label %s into the symbol %s", (label, tex) => {
    expect(labelToTex(label)).toBe(tex);
  });

  it.each(["z = w·x + b", "weighted sum", "W1[0,1]", ""])("gives free text such as %j no symbol", (label) => {
    expect(labelToTex(label)).toBeUndefined();
  });

  it.each([
    [0, "0"],
    [1.0000000000000002, "1"],
    [-0.2, "-0.2"],
    [0.73105857863, "0.7311"],
    [123456.7, "123500"],
    [3e-7, "3 \\times 10^{-7}"],
    [-1.23456e9, "-1.235 \\times 10^{9}"],
  ])("formats %s as %s with 4 significant figures", (x, text) => {
    expect(formatNumber(x, 4)).toBe(text);
  });

  it("rejects a digits option that is not an integer from 1 to 17", () => {
    const v = new Value(1, "v");
    expect(() => trace(v, { digits: 0 })).toThrow(ComputeError);
    expect(() => trace(v, { digits: 18 })).toThrow(/^trace: digits must be at most 17, got 18/);
  });
});
