import { describe, expect, it } from "vitest";
import { activation, activationNames, SELU_ALPHA, SELU_LAMBDA } from "@/lib/compute/activations";
import { ComputeError } from "@/lib/compute/errors";

const points = [-3.2, -1, -0.4, 0.3, 1, 2.7];

describe("every activation's derivative", () => {
  // The step has no useful derivative; everything else is checked by central differences.
  for (const name of activationNames.filter((n) => n !== "step")) {
    it(`${name}: matches central finite differences away from kinks`, () => {
      const f = activation(name, name === "swish" ? { beta: 1.7 } : {});
      const h = 1e-5;
      for (const x of points) {
        const numeric = (f.value(x + h) - f.value(x - h)) / (2 * h);
        const analytic = f.derivative(x);
        expect(Math.abs(numeric - analytic) / Math.max(1, Math.abs(analytic))).toBeLessThan(1e-7);
      }
    });
  }
});

describe("closed forms and published constants", () => {
  it("sigmoid: σ(0) = 1/2, σ'(0) = 1/4, and no NaN at ±1000", () => {
    const s = activation("sigmoid");
    expect(s.value(0)).toBe(0.5);
    expect(s.derivative(0)).toBe(0.25);
    expect(s.value(-1000)).toBe(0);
    expect(s.value(1000)).toBe(1);
  });

  it("tanh: tanh'(0) = 1 and tanh(x) = 2σ(2x) − 1", () => {
    const t = activation("tanh");
    const s = activation("sigmoid");
    expect(t.derivative(0)).toBe(1);
    for (const x of points) expect(t.value(x)).toBeCloseTo(2 * s.value(2 * x) - 1, 14);
  });

  it("SELU uses Klambauer et al.'s constants to full double precision", () => {
    expect(SELU_LAMBDA).toBe(1.0507009873554805);
    expect(SELU_ALPHA).toBe(1.6732632423543772);
    expect(activation("selu").value(-1)).toBeCloseTo(SELU_LAMBDA * SELU_ALPHA * (Math.exp(-1) - 1), 15);
  });

  it("GELU(±1) = ±1·Φ(±1) exactly, and the tanh approximation is within 1e-3", () => {
    const g = activation("gelu");
    expect(g.value(1)).toBeCloseTo(0.8413447460685429, 14);
    expect(g.value(-1)).toBeCloseTo(-0.15865525393145707, 14);
    const approx = activation("gelu-tanh");
    for (const x of points) expect(Math.abs(approx.value(x) - g.value(x))).toBeLessThan(1e-3);
  });

  it("leaky ReLU's default slope is 0.01, ELU's α is 1, softplus is finite at 1000", () => {
    expect(activation("leaky-relu").derivative(-3)).toBe(0.01);
    expect(activation("elu").value(-2)).toBeCloseTo(Math.exp(-2) - 1, 15);
    expect(activation("softplus").value(1000)).toBe(1000);
    expect(activation("softplus").value(-1000)).toBe(0);
    expect(activation("silu").value(-2)).toBeCloseTo(-2 / (1 + Math.exp(2)), 15);
  });
});

describe("vectorised loops", () => {
  for (const name of activationNames) {
    it(`${name}: forward and backward agree with the scalar value and derivative`, () => {
      const f = activation(name);
      const z = Float64Array.from(points);
      const a = new Float64Array(z.length);
      const g = Float64Array.from(points.map((_, i) => 0.5 + i));
      const gi = new Float64Array(z.length);
      f.forward(z, a);
      f.backward(z, a, g, gi);
      points.forEach((x, i) => {
        expect(a[i]).toBeCloseTo(f.value(x), 14);
        expect(gi[i]).toBeCloseTo(g[i]! * f.derivative(x), 12);
      });
    });
  }
});

describe("bad input", () => {
  it("an unknown name throws, naming it and the known ones", () => {
    expect(() => activation("relu6")).toThrow(ComputeError);
    expect(() => activation("relu6")).toThrow(/unknown activation "relu6"; expected one of identity/);
  });

  it("a non-finite alpha throws", () => {
    expect(() => activation("elu", { alpha: Number.NaN })).toThrow(/alpha/);
  });
});

describe("our tanh (Math.tanh is not bit-identical across engines)", () => {
  it("agrees with Math.tanh to 4 ulps across the range and saturates exactly", async () => {
    const { tanh } = await import("@/lib/compute/activations");
    for (let x = -25; x <= 25; x += 0.0137) {
      const expected = Math.tanh(x);
      expect(Math.abs(tanh(x) - expected)).toBeLessThanOrEqual(
        4 * Number.EPSILON * Math.max(Math.abs(expected), 1e-300) + 1e-300,
      );
    }
    expect(tanh(0)).toBe(0);
    expect(tanh(30)).toBe(1);
    expect(tanh(-30)).toBe(-1);
  });
});
