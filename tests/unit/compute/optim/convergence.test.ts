import { describe, expect, it } from "vitest";
import { createOptimizer, schedules, withSchedule, type OptimizerConfig } from "@/lib/compute/optim";
import type { Optimizer } from "@/lib/compute/types";
import { makeParam } from "./make-param";

type Gradient = (x: number, y: number, out: Float64Array) => void;

/** f(x, y) = x² + 10y²: minimum 0 at the origin, condition number 10. */
const quadratic: Gradient = (x, y, out) => {
  out[0] = 2 * x;
  out[1] = 20 * y;
};

/** Rosenbrock f(x, y) = (1 − x)² + 100(y − x²)²: minimum 0 at (1, 1) at the end of a curved valley. */
const rosenbrock: Gradient = (x, y, out) => {
  out[0] = -2 * (1 - x) - 400 * x * (y - x * x);
  out[1] = 200 * (y - x * x);
};

function minimise(optimizer: Optimizer, gradient: Gradient, start: [number, number], steps: number) {
  const p = makeParam(start);
  for (let k = 0; k < steps; k++) {
    gradient(p.data[0]!, p.data[1]!, p.grad);
    optimizer.step([p]);
  }
  return [p.data[0]!, p.data[1]!] as const;
}

describe("minimising x² + 10y² from (3, 2)", () => {
  // Settings a person would pick: for plain GD, η < 2/20 keeps the stiff y
  // direction stable; AdaGrad and Adam get larger rates since their steps
  // are normalised. The weight decay the defaults include (AdamW's λ) also
  // pulls towards the origin, the minimum, so it does not move it.
  it.each<[OptimizerConfig, number]>([
    [{ name: "sgd", learningRate: 0.05 }, 200],
    [{ name: "momentum", learningRate: 0.02, momentum: 0.9 }, 300],
    [{ name: "nesterov", learningRate: 0.02, momentum: 0.9 }, 200],
    [{ name: "adagrad", learningRate: 1 }, 200],
    [{ name: "adam", learningRate: 0.1 }, 500],
    [{ name: "adamw", learningRate: 0.1 }, 500],
  ])("%o ends within 1e-3 of the minimum after %i steps", (config, steps) => {
    const [x, y] = minimise(createOptimizer(config), quadratic, [3, 2], steps);
    expect(Math.hypot(x, y)).toBeLessThan(1e-3);
  });

  it("RMSProp with a cosine-annealed rate ends within 1e-3 of the minimum after 1000 steps", () => {
    // At a fixed rate RMSProp does reach the minimum, but once gradients fall
    // below ε its steps become η·g/ε and it settles into a cycle of size ~η;
    // annealing the rate is the usual cure.
    const optimizer = withSchedule(
      createOptimizer({ name: "rmsprop", learningRate: 0.01 }),
      schedules.cosine({ learningRate: 0.01, totalSteps: 1000 }),
    );
    const [x, y] = minimise(optimizer, quadratic, [3, 2], 1000);
    expect(Math.hypot(x, y)).toBeLessThan(1e-3);
  });
});

describe("minimising the Rosenbrock function from (−1.2, 1)", () => {
  it("Adam (η = 0.02) ends within 1e-2 of (1, 1) after 5000 steps", () => {
    const [x, y] = minimise(
      createOptimizer({ name: "adam", learningRate: 0.02 }),
      rosenbrock,
      [-1.2, 1],
      5000,
    );
    expect(Math.hypot(x - 1, y - 1)).toBeLessThan(1e-2);
  });
});
