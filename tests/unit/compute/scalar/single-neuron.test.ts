import { describe, expect, it } from "vitest";
import { Value } from "@/lib/compute/scalar";

/*
 * One sigmoid neuron with a squared error, derived by hand:
 *
 *   x = 1.5, w = 0.8, b = −0.2, t = 1
 *   z = w·x + b            = 0.8·1.5 − 0.2        = 1
 *   y = σ(z) = 1/(1 + e⁻¹)                        ≈ 0.7310585786300049
 *   L = (y − t)²           = (−0.2689414213699951)² ≈ 0.07232948812851325
 *
 * Backward, one factor per step of the chain rule:
 *   ∂L/∂y = 2(y − t)                               ≈ −0.5378828427399902
 *   ∂y/∂z = σ(z)(1 − σ(z)) = y(1 − y)              ≈ 0.19661193324148185
 *   ∂z/∂w = x = 1.5,  ∂z/∂b = 1,  ∂z/∂x = w = 0.8
 *
 *   ∂L/∂z = ∂L/∂y · ∂y/∂z ≈ −0.5378828 · 0.1966119 ≈ −0.1057541855685334
 *   ∂L/∂w = ∂L/∂z · x     ≈ −0.1057542 · 1.5       ≈ −0.1586312783528001  (≈ −0.1586)
 *   ∂L/∂b = ∂L/∂z · 1                              ≈ −0.1057541855685334
 *   ∂L/∂x = ∂L/∂z · w     ≈ −0.1057542 · 0.8       ≈ −0.0846033484548268
 *
 * The expected values below are these hand formulas evaluated with Math.exp,
 * not the engine.
 */
const Y = 1 / (1 + Math.exp(-1));
const DL_DZ = 2 * (Y - 1) * Y * (1 - Y);

function neuronLoss() {
  const x = new Value(1.5, "x");
  const w = new Value(0.8, "w");
  const b = new Value(-0.2, "b");
  const t = new Value(1, "t");
  const z = w.mul(x).add(b).named("z");
  const y = z.sigmoid().named("y");
  const L = y.sub(t).pow(2).named("L");
  return { x, w, b, t, z, y, L };
}

describe("a single sigmoid neuron y = σ(wx + b) with loss L = (y − t)² at x = 1.5, w = 0.8, b = −0.2, t = 1", () => {
  it("computes z = 1, y = σ(1) and L = (σ(1) − 1)² on the way forward", () => {
    const { z, y, L } = neuronLoss();
    expect(z.data).toBeCloseTo(1, 15);
    expect(y.data).toBeCloseTo(Y, 15);
    expect(L.data).toBeCloseTo((Y - 1) ** 2, 15);
  });

  it("gives dL/dw ≈ −0.1586, the hand-computed value", () => {
    const { w, L } = neuronLoss();
    L.backward();
    expect(w.grad).toBeCloseTo(-0.1586, 4);
    expect(w.grad).toBeCloseTo(DL_DZ * 1.5, 14);
  });

  it("gives dL/db = dL/dz, dL/dx = dL/dz · w and dL/dt = −2(y − t)", () => {
    const { x, b, t, L } = neuronLoss();
    L.backward();
    expect(b.grad).toBeCloseTo(DL_DZ, 14);
    expect(x.grad).toBeCloseTo(DL_DZ * 0.8, 14);
    expect(t.grad).toBeCloseTo(-2 * (Y - 1), 14);
  });
});
