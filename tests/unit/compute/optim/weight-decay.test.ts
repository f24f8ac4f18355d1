import { describe, expect, it } from "vitest";
import { Adam, AdamW, SGD, createOptimizer, optimizerDefaults, optimizerNames } from "@/lib/compute/optim";
import { expectClose, makeParam, setGrad } from "./make-param";

describe("L2 weight decay on SGD", () => {
  it("adds λθ to the gradient of params marked for decay", () => {
    const lr = 0.1;
    const lambda = 0.5;
    const p = makeParam([2, -4], { grad: [1, 1] });
    new SGD({ learningRate: lr, weightDecay: lambda }).step([p]);
    expectClose(p.data, [2 - lr * (1 + lambda * 2), -4 - lr * (1 + lambda * -4)]);
  });

  it("leaves the stored gradient untouched", () => {
    const p = makeParam([2], { grad: [1] });
    new SGD({ learningRate: 0.1, weightDecay: 0.5 }).step([p]);
    expect(p.grad[0]).toBe(1);
  });
});

describe("weight decay on a param with decay = false (a bias)", () => {
  it.each(optimizerNames)("%s updates it exactly as with no weight decay", (name) => {
    const grads = [
      [0.4, -3],
      [-0.2, 1],
      [1, 1],
    ];
    const decayed = createOptimizer({ name, learningRate: 0.05, weightDecay: 0.5 });
    const plain = createOptimizer({ name, learningRate: 0.05, weightDecay: 0 });
    const bias = makeParam([1.5, -2], { decay: false });
    const reference = makeParam([1.5, -2], { decay: false });
    for (const g of grads) {
      setGrad(bias, g);
      setGrad(reference, g);
      decayed.step([bias]);
      plain.step([reference]);
    }
    expect(Array.from(bias.data)).toEqual(Array.from(reference.data));
  });

  it.each(optimizerNames)("%s does decay a param with decay = true", (name) => {
    const opt = createOptimizer({ name, learningRate: 0.05, weightDecay: 0.5 });
    const p = makeParam([1.5], { grad: [0] });
    opt.step([p]);
    // With a zero gradient only the decay term moves θ, and always towards 0.
    expect(p.data[0]).toBeLessThan(1.5);
    expect(p.data[0]).toBeGreaterThanOrEqual(0);
  });
});

describe("AdamW's decoupled decay versus Adam with an L2 penalty", () => {
  const lr = 0.01;
  const lambda = 0.1;
  const { epsilon } = optimizerDefaults.adam;

  it("Adam + L2 folds λθ into g, so the decay is normalised away into a ±η step", () => {
    const theta = 2;
    const g = 0.01;
    const p = makeParam([theta], { grad: [g] });
    new Adam({ learningRate: lr, weightDecay: lambda }).step([p]);
    const gL2 = g + lambda * theta; // 0.21
    expectClose(p.data, [theta - (lr * gL2) / (Math.abs(gL2) + epsilon)]);
  });

  it("AdamW takes the Adam step on g alone and shrinks θ by η·λ·θ", () => {
    const theta = 2;
    const g = 0.01;
    const p = makeParam([theta], { grad: [g] });
    new AdamW({ learningRate: lr, weightDecay: lambda }).step([p]);
    expectClose(p.data, [theta - (lr * g) / (Math.abs(g) + epsilon) - lr * lambda * theta]);
  });

  it("with a zero gradient, Adam + L2 steps a full η while AdamW shrinks θ by the factor (1 − ηλ)", () => {
    const theta = 2;
    const adamParam = makeParam([theta], { grad: [0] });
    const adamwParam = makeParam([theta], { grad: [0] });
    new Adam({ learningRate: lr, weightDecay: lambda }).step([adamParam]);
    new AdamW({ learningRate: lr, weightDecay: lambda }).step([adamwParam]);
    expectClose(adamParam.data, [theta - (lr * lambda * theta) / (lambda * theta + epsilon)]); // ≈ θ − η
    expectClose(adamwParam.data, [theta * (1 - lr * lambda)]);
  });

  it("AdamW's second step applies the decay to the θ reached after the first", () => {
    const { beta1, beta2 } = optimizerDefaults.adamw;
    const p = makeParam([2], { grad: [1] });
    const opt = new AdamW({ learningRate: lr, weightDecay: lambda, epsilon: 1e-300 });
    opt.step([p]);
    const theta1 = 2 - lr - lr * lambda * 2;
    expectClose(p.data, [theta1]);
    setGrad(p, [-1]);
    opt.step([p]);
    const mHat = (beta1 * (1 - beta1) - (1 - beta1)) / (1 - beta1 ** 2);
    const vHat = (beta2 * (1 - beta2) + (1 - beta2)) / (1 - beta2 ** 2); // = 1
    expectClose(p.data, [theta1 - (lr * mHat) / Math.sqrt(vHat) - lr * lambda * theta1]);
  });

  it("uses PyTorch's default λ = 0.01 for AdamW and no decay for Adam", () => {
    expect(new AdamW().weightDecay).toBe(optimizerDefaults.adamw.weightDecay);
    expect(optimizerDefaults.adamw.weightDecay).toBe(0.01);
    expect(new Adam().weightDecay).toBe(0);
  });
});
