import { describe, expect, it } from "vitest";
import { ComputeError } from "@/lib/compute/errors";
import { Adam, Momentum, optimizerDefaults } from "@/lib/compute/optim";
import { expectClose, makeParam, setGrad } from "./make-param";

describe("an optimizer stepping two params with different gradients", () => {
  const lr = 0.1;
  const mu = 0.9;

  it("keeps a separate momentum velocity for each", () => {
    const a = makeParam([1], { name: "a", grad: [1] });
    const b = makeParam([1], { name: "b", grad: [-2] });
    const opt = new Momentum({ learningRate: lr, momentum: mu });
    opt.step([a, b]);
    setGrad(a, [3]);
    setGrad(b, [0.5]);
    opt.step([a, b]);
    expectClose(a.data, [1 - lr * 1 - mu * lr * 1 - lr * 3]);
    expectClose(b.data, [1 + lr * 2 + mu * lr * 2 - lr * 0.5]);
  });

  it("keeps separate Adam moments and step counts, even when the order of params changes", () => {
    const { epsilon } = optimizerDefaults.adam;
    const a = makeParam([0], { name: "a", grad: [1] });
    const b = makeParam([0], { name: "b", grad: [-1000] });
    const opt = new Adam({ learningRate: lr });
    opt.step([a, b]);
    // Each first step is ±η, whatever the gradient's scale: moments are not shared.
    expectClose(a.data, [-lr / (1 + epsilon)]);
    expectClose(b.data, [(lr * 1000) / (1000 + epsilon)]);
    opt.step([b]); // b's second step, a untouched
    expect(opt.stateOf(a)?.step).toBe(1);
    expect(opt.stateOf(b)?.step).toBe(2);
    opt.step([b, a]); // a's second step with the same gradient: m̂ = g, v̂ = g² again
    expectClose(a.data, [-2 * (lr / (1 + epsilon))]);
  });
});

describe("per-parameter state across steps", () => {
  it("is allocated on the first step and the same buffers are reused afterwards", () => {
    const p = makeParam([1, 2], { grad: [0.1, 0.2] });
    const opt = new Adam();
    expect(opt.stateOf(p)).toBeUndefined();
    opt.step([p]);
    const state = opt.stateOf(p)!;
    const { firstMoment, secondMoment } = state;
    for (let k = 0; k < 10; k++) opt.step([p]);
    expect(opt.stateOf(p)).toBe(state);
    expect(state.firstMoment).toBe(firstMoment);
    expect(state.secondMoment).toBe(secondMoment);
    expect(state.step).toBe(11);
  });

  it("is forgotten by reset(), so the next step is a first step again", () => {
    const lr = 0.1;
    const p = makeParam([0], { grad: [1] });
    const opt = new Momentum({ learningRate: lr });
    opt.step([p]);
    opt.reset();
    expect(opt.stateOf(p)).toBeUndefined();
    opt.step([p]);
    expectClose(p.data, [-2 * lr]); // two plain first steps, no momentum carried over
  });

  it("throws, naming the param, when the param was resized after its state was made", () => {
    const p = makeParam([1, 2], { name: "dense1.weight", grad: [0, 0] });
    const opt = new Adam();
    opt.step([p]);
    p.data = new Float64Array(3);
    p.grad = new Float64Array(3);
    expect(() => opt.step([p])).toThrow(ComputeError);
    expect(() => opt.step([p])).toThrow(/"dense1.weight" now has 3 values but its optimizer state has 2/);
  });
});
