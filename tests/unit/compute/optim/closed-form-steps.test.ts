import { describe, expect, it } from "vitest";
import { AdaGrad, Adam, Momentum, Nesterov, RMSProp, SGD, optimizerDefaults } from "@/lib/compute/optim";
import { expectClose, makeParam, setGrad } from "./make-param";

// One parameter vector, two gradients (one entry of g1 is exactly 0 so a
// 0/(0 + ε) path is exercised). The expected values below are the papers'
// update rules written out by hand for t = 1 and t = 2.
const theta0 = [1.5, -2, 0.25];
const g1 = [0.4, -3, 0];
const g2 = [-0.2, 1, 5];

function twoSteps(optimizer: { step: SGD["step"] }) {
  const p = makeParam(theta0);
  setGrad(p, g1);
  optimizer.step([p]);
  const after1 = Array.from(p.data);
  setGrad(p, g2);
  optimizer.step([p]);
  return { after1, after2: Array.from(p.data) };
}

describe("SGD", () => {
  it("steps θ − η·g each time", () => {
    const lr = 0.1;
    const { after1, after2 } = twoSteps(new SGD({ learningRate: lr }));
    const theta1 = theta0.map((t, i) => t - lr * g1[i]!);
    expectClose(after1, theta1);
    expectClose(
      after2,
      theta1.map((t, i) => t - lr * g2[i]!),
    );
  });

  it("matches a step computed by hand in plain numbers", () => {
    const p = makeParam([1], { grad: [2] });
    new SGD({ learningRate: 0.25 }).step([p]);
    expect(p.data[0]).toBe(0.5); // 1 − 0.25·2
  });
});

describe("momentum (v ← μv − ηg, θ ← θ + v)", () => {
  const lr = 0.1;
  const mu = 0.9;

  it("takes a plain gradient step first, then adds μ times the previous step", () => {
    const { after1, after2 } = twoSteps(new Momentum({ learningRate: lr, momentum: mu }));
    const theta1 = theta0.map((t, i) => t - lr * g1[i]!);
    expectClose(after1, theta1);
    // v2 = μ·(−η g1) − η g2
    expectClose(
      after2,
      theta1.map((t, i) => t - mu * lr * g1[i]! - lr * g2[i]!),
    );
  });

  it("accelerates to the geometric-series step η·g·(1 + μ + μ²) on a constant gradient", () => {
    const p = makeParam([0], { grad: [1] });
    const opt = new Momentum({ learningRate: lr, momentum: mu });
    for (let k = 0; k < 3; k++) opt.step([p]);
    // Total displacement −η(1) − η(1 + μ) − η(1 + μ + μ²)
    expectClose(p.data, [-lr * (3 + 2 * mu + mu * mu)]);
  });
});

describe("Nesterov (v ← μv − ηg, θ ← θ + μv − ηg)", () => {
  const lr = 0.1;
  const mu = 0.9;

  it("first step is −η(1 + μ)g and the second −μ²ηg1 − (1 + μ)ηg2", () => {
    const { after1, after2 } = twoSteps(new Nesterov({ learningRate: lr, momentum: mu }));
    const theta1 = theta0.map((t, i) => t - lr * (1 + mu) * g1[i]!);
    expectClose(after1, theta1);
    expectClose(
      after2,
      theta1.map((t, i) => t - mu * mu * lr * g1[i]! - (1 + mu) * lr * g2[i]!),
    );
  });

  it("equals PyTorch's form b ← μb + g, θ ← θ − η(g + μb) at constant η", () => {
    const grads = [g1, g2, [0.3, 0.3, -1], [2, -0.5, 0.1]];
    const p = makeParam(theta0);
    const opt = new Nesterov({ learningRate: lr, momentum: mu });
    const torchTheta = [...theta0];
    const b = [0, 0, 0];
    for (const g of grads) {
      setGrad(p, g);
      opt.step([p]);
      for (let i = 0; i < 3; i++) {
        b[i] = mu * b[i]! + g[i]!;
        torchTheta[i] = torchTheta[i]! - lr * (g[i]! + mu * b[i]!);
      }
    }
    expectClose(p.data, torchTheta, 1e-13);
  });
});

describe("AdaGrad (G ← G + g², θ ← θ − ηg/(√G + ε))", () => {
  const lr = 0.5;
  const eps = optimizerDefaults.adagrad.epsilon;

  it("normalises by the root of the running sum of squared gradients", () => {
    const { after1, after2 } = twoSteps(new AdaGrad({ learningRate: lr }));
    const theta1 = theta0.map((t, i) => t - (lr * g1[i]!) / (Math.abs(g1[i]!) + eps));
    expectClose(after1, theta1);
    expectClose(
      after2,
      theta1.map((t, i) => t - (lr * g2[i]!) / (Math.sqrt(g1[i]! ** 2 + g2[i]! ** 2) + eps)),
    );
  });

  it("gives steps η, η/√2, η/√3 on a constant unit gradient", () => {
    const p = makeParam([0], { grad: [1] });
    const opt = new AdaGrad({ learningRate: lr, epsilon: 1e-300 });
    opt.step([p]);
    expectClose(p.data, [-lr]);
    opt.step([p]);
    expectClose(p.data, [-lr - lr / Math.SQRT2]);
    opt.step([p]);
    expectClose(p.data, [-lr - lr / Math.SQRT2 - lr / Math.sqrt(3)]);
  });
});

describe("RMSProp (E ← ρE + (1 − ρ)g², θ ← θ − ηg/(√E + ε))", () => {
  const lr = 0.01;
  const rho = 0.9;
  const eps = optimizerDefaults.rmsprop.epsilon;

  it("normalises by the root of an exponential average of squared gradients, without bias correction", () => {
    const { after1, after2 } = twoSteps(new RMSProp({ learningRate: lr, rho }));
    const theta1 = theta0.map((t, i) => t - (lr * g1[i]!) / (Math.sqrt(1 - rho) * Math.abs(g1[i]!) + eps));
    expectClose(after1, theta1);
    const e2 = g1.map((g, i) => rho * (1 - rho) * g * g + (1 - rho) * g2[i]! ** 2);
    expectClose(
      after2,
      theta1.map((t, i) => t - (lr * g2[i]!) / (Math.sqrt(e2[i]!) + eps)),
    );
  });

  it("first step is η/√(1 − ρ) in size: √10·η for ρ = 0.9", () => {
    const p = makeParam([0], { grad: [3] });
    new RMSProp({ learningRate: lr, rho, epsilon: 1e-300 }).step([p]);
    expectClose(p.data, [-lr * Math.sqrt(10)]);
  });
});

describe("Adam with bias correction", () => {
  const { beta1, beta2, epsilon } = optimizerDefaults.adam;
  const lr = 0.01;

  it.each([1e-4, 0.01, 1, 100, 1e6])(
    "first step is −η·sign(g) up to ε for a gradient of scale %s",
    (scale) => {
      const p = makeParam([0, 0], { grad: [scale, -3 * scale] });
      new Adam({ learningRate: lr }).step([p]);
      // m̂ = g and v̂ = g², so the step is η·g/(|g| + ε)
      expectClose(p.data, [(-lr * scale) / (scale + epsilon), (lr * 3 * scale) / (3 * scale + epsilon)]);
      // |step − (−η)| = η·ε/(g + ε) ≤ η·ε/g, plus a few ulps of η for rounding
      expect(Math.abs(p.data[0]! + lr)).toBeLessThanOrEqual((lr * epsilon) / scale + 4 * Number.EPSILON * lr);
    },
  );

  it("divides by (1 − βᵗ) in the bias correction (regression: ConvNetJS multiplied, making early steps wrong)", () => {
    // g1 = 1 then g2 = 0 with β1 = 0.9, β2 = 0.999:
    //   m2 = 0.9·0.1 = 0.09,      m̂2 = 0.09 / (1 − 0.81)   = 9/19
    //   v2 = 0.999·0.001,         v̂2 = 0.000999 / (1 − 0.998001) = 999/1999
    // so step 2 is η·(9/19)/√(999/1999) (ε = 1e-300 makes ε vanish).
    const p = makeParam([0], { grad: [1] });
    const opt = new Adam({ learningRate: lr, epsilon: 1e-300 });
    opt.step([p]);
    expectClose(p.data, [-lr]);
    setGrad(p, [0]);
    opt.step([p]);
    expectClose(p.data, [-lr - (lr * (9 / 19)) / Math.sqrt(999 / 1999)], 1e-13);
  });

  it("second step uses m̂ = m/(1 − β1²) and v̂ = v/(1 − β2²) for every entry", () => {
    const { after1, after2 } = twoSteps(new Adam({ learningRate: lr }));
    const theta1 = theta0.map((t, i) => t - (lr * g1[i]!) / (Math.abs(g1[i]!) + epsilon));
    expectClose(after1, theta1);
    const expected = theta1.map((t, i) => {
      const m = beta1 * (1 - beta1) * g1[i]! + (1 - beta1) * g2[i]!;
      const v = beta2 * (1 - beta2) * g1[i]! ** 2 + (1 - beta2) * g2[i]! ** 2;
      const mHat = m / (1 - beta1 ** 2);
      const vHat = v / (1 - beta2 ** 2);
      return t - (lr * mHat) / (Math.sqrt(vHat) + epsilon);
    });
    expectClose(after2, expected, 1e-13);
  });
});
