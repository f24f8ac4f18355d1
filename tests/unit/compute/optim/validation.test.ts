import { describe, expect, it } from "vitest";
import { ComputeError } from "@/lib/compute/errors";
import {
  AdaGrad,
  Adam,
  AdamW,
  Momentum,
  Nesterov,
  RMSProp,
  SGD,
  createOptimizer,
  optimizerDefaults,
  optimizerNames,
  type OptimizerConfig,
} from "@/lib/compute/optim";
import { makeParam } from "./make-param";

function configError(config: unknown): ComputeError {
  try {
    createOptimizer(config as OptimizerConfig);
  } catch (error) {
    expect(error).toBeInstanceOf(ComputeError);
    return error as ComputeError;
  }
  throw new Error(`createOptimizer accepted ${JSON.stringify(config)}`);
}

describe("createOptimizer with a valid config", () => {
  it.each([
    ["sgd", SGD],
    ["momentum", Momentum],
    ["nesterov", Nesterov],
    ["adagrad", AdaGrad],
    ["rmsprop", RMSProp],
    ["adam", Adam],
    ["adamw", AdamW],
  ] as const)("builds %s with the default learning rate when none is given", (name, Class) => {
    const opt = createOptimizer({ name });
    expect(opt).toBeInstanceOf(Class);
    expect(opt.name).toBe(name);
    expect(opt.learningRate).toBe(optimizerDefaults[name].learningRate);
  });

  it("passes every option through", () => {
    const opt = createOptimizer({
      name: "adam",
      learningRate: 0.02,
      beta1: 0.8,
      beta2: 0.99,
      epsilon: 1e-6,
      weightDecay: 0.1,
    }) as Adam;
    expect([opt.learningRate, opt.beta1, opt.beta2, opt.epsilon, opt.weightDecay]).toEqual([
      0.02, 0.8, 0.99, 1e-6, 0.1,
    ]);
    expect((createOptimizer({ name: "rmsprop", rho: 0.5 }) as RMSProp).rho).toBe(0.5);
    expect((createOptimizer({ name: "nesterov", momentum: 0.5 }) as Nesterov).momentum).toBe(0.5);
  });

  it("ignores options that belong to other optimizers, so a UI can switch optimizers keeping its knobs", () => {
    expect(createOptimizer({ name: "sgd", momentum: 0.9, beta1: 0.5 }).learningRate).toBe(
      optimizerDefaults.sgd.learningRate,
    );
  });

  it("accepts a learning rate of 0 (a frozen model)", () => {
    expect(createOptimizer({ name: "sgd", learningRate: 0 }).learningRate).toBe(0);
  });
});

describe("published default hyperparameters", () => {
  it("Adam uses Kingma & Ba's η = 0.001, β1 = 0.9, β2 = 0.999, ε = 1e-8", () => {
    const opt = new Adam();
    expect([opt.learningRate, opt.beta1, opt.beta2, opt.epsilon]).toEqual([0.001, 0.9, 0.999, 1e-8]);
  });

  it("RMSProp and AdaGrad use PyTorch's values", () => {
    const rms = new RMSProp();
    expect([rms.learningRate, rms.rho, rms.epsilon]).toEqual([0.01, 0.99, 1e-8]);
    const ada = new AdaGrad();
    expect([ada.learningRate, ada.epsilon]).toEqual([0.01, 1e-10]);
  });

  it("momentum and Nesterov default to μ = 0.9", () => {
    expect(new Momentum().momentum).toBe(0.9);
    expect(new Nesterov().momentum).toBe(0.9);
  });
});

describe("createOptimizer with a bad config", () => {
  it("names an unknown optimizer and lists the known ones", () => {
    const error = configError({ name: "adamax" });
    expect(error.message).toMatch(/unknown optimizer "adamax"/);
    for (const name of optimizerNames) expect(error.message).toContain(name);
  });

  it("rejects an option key nobody knows instead of silently using a default", () => {
    expect(configError({ name: "adam", learningrate: 0.5 }).message).toMatch(/unknown option "learningrate"/);
  });

  it("rejects a config that is not an object", () => {
    expect(configError(null).message).toMatch(/config must be an object, got null/);
  });

  it.each([-0.1, Number.NaN, Number.POSITIVE_INFINITY, "0.1"])(
    "rejects learning rate %s, naming it",
    (value) => {
      for (const name of optimizerNames) {
        expect(configError({ name, learningRate: value }).message).toMatch(
          new RegExp(`^${name}: learningRate must be a finite number ≥ 0, got ${String(value)}`),
        );
      }
    },
  );

  it.each([
    ["adam", "beta1", 1],
    ["adam", "beta1", -0.1],
    ["adamw", "beta2", 1],
    ["adam", "beta2", 1.5],
    ["adam", "beta1", Number.NaN],
    ["momentum", "momentum", 1],
    ["nesterov", "momentum", -0.5],
    ["rmsprop", "rho", 1],
  ])("%s rejects %s = %s as outside [0, 1)", (name, option, value) => {
    expect(configError({ name, [option]: value }).message).toBe(
      `${name}: ${option} must be in [0, 1), got ${value}`,
    );
  });

  it.each([
    ["adam", 0],
    ["adamw", -1e-8],
    ["rmsprop", 0],
    ["adagrad", Number.NaN],
  ])("%s rejects epsilon = %s (must be > 0)", (name, value) => {
    expect(configError({ name, epsilon: value }).message).toBe(
      `${name}: epsilon must be a finite number > 0, got ${value}`,
    );
  });

  it("rejects a negative weight decay", () => {
    expect(configError({ name: "sgd", weightDecay: -0.01 }).message).toBe(
      "sgd: weightDecay must be a finite number ≥ 0, got -0.01",
    );
  });
});

describe("changing an optimizer's learning rate", () => {
  it("takes effect on the next step", () => {
    const opt = new SGD({ learningRate: 0.1 });
    opt.learningRate = 0.5;
    const p = makeParam([1], { grad: [1] });
    opt.step([p]);
    expect(p.data[0]).toBe(0.5);
  });

  it("throws on a negative value and keeps the previous one", () => {
    const opt = new Adam({ learningRate: 0.1 });
    expect(() => {
      opt.learningRate = -1;
    }).toThrow("adam: learningRate must be a finite number ≥ 0, got -1");
    expect(opt.learningRate).toBe(0.1);
  });
});

describe("a step with a bad gradient", () => {
  it("throws, naming the param and the index, when a gradient is NaN or infinite", () => {
    const opt = new Adam();
    const p = makeParam([1, 2, 3], { name: "dense2.bias", grad: [0, Number.NaN, 1] });
    expect(() => opt.step([p])).toThrow('adam.step: param "dense2.bias" has gradient NaN at index 1');
    p.grad[1] = Number.NEGATIVE_INFINITY;
    expect(() => opt.step([p])).toThrow('adam.step: param "dense2.bias" has gradient -Infinity at index 1');
  });

  it("updates no param at all, even those listed before the bad one", () => {
    const good = makeParam([1, 2], { name: "good", grad: [1, 1] });
    const bad = makeParam([1], { name: "bad", grad: [Number.POSITIVE_INFINITY] });
    const opt = new Momentum();
    expect(() => opt.step([good, bad])).toThrow(ComputeError);
    expect(Array.from(good.data)).toEqual([1, 2]);
    expect(opt.stateOf(good)).toBeUndefined();
  });

  it("throws, naming both lengths, when grad and data differ in length", () => {
    const p = makeParam([1, 2], { name: "w" });
    p.grad = new Float64Array(3);
    expect(() => new SGD().step([p])).toThrow('sgd.step: param "w" has 2 values but 3 gradient entries');
  });
});
