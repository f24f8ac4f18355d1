import { describe, expect, it } from "vitest";
import { ComputeError } from "@/lib/compute/errors";
import {
  SGD,
  applySchedule,
  createSchedule,
  schedules,
  withSchedule,
  type ScheduleConfig,
} from "@/lib/compute/optim";
import { expectClose, makeParam } from "./make-param";

const values = (schedule: (step: number) => number, steps: number[]) => steps.map(schedule);

describe("schedules at known steps", () => {
  it("constant returns η at every step", () => {
    expect(values(schedules.constant(0.1), [0, 1, 1000])).toEqual([0.1, 0.1, 0.1]);
  });

  it("stepDecay halves every 10 steps: η·factor^⌊step/10⌋", () => {
    const s = schedules.stepDecay({ learningRate: 0.1, factor: 0.5, every: 10 });
    expectClose(values(s, [0, 9, 10, 19, 20, 35]), [0.1, 0.1, 0.05, 0.05, 0.025, 0.0125]);
  });

  it("exponential decays smoothly: η·decay^(step/every)", () => {
    const s = schedules.exponential({ learningRate: 1, decay: 0.5, every: 2 });
    expectClose(values(s, [0, 1, 2, 4, 7]), [1, Math.SQRT1_2, 0.5, 0.25, 0.5 ** 3.5]);
    const perStep = schedules.exponential({ learningRate: 2, decay: 0.9 });
    expectClose(values(perStep, [0, 1, 3]), [2, 1.8, 2 * 0.729]);
  });

  it("cosine without warm-up goes η → η/2 at the midpoint → 0 at totalSteps, and stays there", () => {
    const s = schedules.cosine({ learningRate: 1, totalSteps: 10 });
    // ½(1 + cos(π·k/10)); cos(π/5) = (1 + √5)/4
    expectClose(values(s, [0, 2, 5, 10, 50]), [1, 0.5 * (1 + (1 + Math.sqrt(5)) / 4), 0.5, 0, 0]);
  });

  it("cosine with warm-up rises linearly to η over the warm-up steps, then anneals to the minimum", () => {
    const s = schedules.cosine({ learningRate: 1, totalSteps: 12, warmupSteps: 4, minLearningRate: 0.1 });
    // warm-up: (k + 1)/4; then 0.1 + 0.9·½(1 + cos(π·(k − 4)/8))
    expectClose(values(s, [0, 1, 2, 3, 4, 8, 12, 100]), [0.25, 0.5, 0.75, 1, 1, 0.55, 0.1, 0.1]);
  });

  it("cosine whose warm-up fills every step ends at the minimum", () => {
    const s = schedules.cosine({ learningRate: 1, totalSteps: 2, warmupSteps: 2 });
    expect(values(s, [0, 1, 2])).toEqual([0.5, 1, 0]);
  });
});

describe("createSchedule from a plain-JSON config", () => {
  it.each<[ScheduleConfig, number[]]>([
    [{ name: "constant", learningRate: 0.3 }, [0.3, 0.3]],
    [{ name: "step", learningRate: 1, factor: 0.1, every: 5 }, [1, 0.1]],
    [{ name: "exponential", learningRate: 1, decay: 0.5, every: 5 }, [1, 0.5]],
    [{ name: "cosine", learningRate: 1, totalSteps: 10 }, [1, 0.5]],
  ])("builds %o with its values at steps 0 and 5", (config, expected) => {
    expectClose(values(createSchedule(config), [0, 5]), expected);
  });

  it("names an unknown schedule", () => {
    expect(() => createSchedule({ name: "linear" } as unknown as ScheduleConfig)).toThrow(
      'createSchedule: unknown schedule "linear"; expected one of constant, step, exponential, cosine',
    );
  });
});

describe("schedules with bad input", () => {
  it.each([-1, 1.5, Number.NaN])("reject step %s", (step) => {
    expect(() => schedules.constant(0.1)(step)).toThrow(`step must be an integer ≥ 0, got ${step}`);
  });

  it.each<[string, () => unknown, string]>([
    [
      "a negative rate",
      () => schedules.constant(-1),
      "schedules.constant: learningRate must be a finite number ≥ 0, got -1",
    ],
    [
      "every = 0",
      () => schedules.stepDecay({ learningRate: 1, factor: 0.5, every: 0 }),
      "every must be an integer ≥ 1, got 0",
    ],
    [
      "factor = 0",
      () => schedules.stepDecay({ learningRate: 1, factor: 0, every: 3 }),
      "factor must be in (0, 1], got 0",
    ],
    [
      "decay > 1",
      () => schedules.exponential({ learningRate: 1, decay: 1.1 }),
      "decay must be in (0, 1], got 1.1",
    ],
    [
      "totalSteps = 0",
      () => schedules.cosine({ learningRate: 1, totalSteps: 0 }),
      "totalSteps must be an integer ≥ 1, got 0",
    ],
    [
      "warm-up > total",
      () => schedules.cosine({ learningRate: 1, totalSteps: 5, warmupSteps: 6 }),
      "warmupSteps (6) must not exceed totalSteps (5)",
    ],
    [
      "minimum > η",
      () => schedules.cosine({ learningRate: 1, totalSteps: 5, minLearningRate: 2 }),
      "minLearningRate must be in [0, learningRate = 1], got 2",
    ],
  ])("reject %s, naming the value", (_, build, message) => {
    expect(build).toThrow(ComputeError);
    expect(build).toThrow(message);
  });
});

describe("an SGD optimizer following a schedule", () => {
  it("takes each step with the scheduled rate (constant gradient: θ − g·Σηₖ)", () => {
    const schedule = schedules.stepDecay({ learningRate: 0.1, factor: 0.5, every: 2 });
    const opt = withSchedule(new SGD(), schedule);
    const p = makeParam([1], { grad: [1] });
    for (let k = 0; k < 5; k++) opt.step([p]);
    expectClose(p.data, [1 - (0.1 + 0.1 + 0.05 + 0.05 + 0.025)]);
    expect(opt.stepCount).toBe(5);
    expect(opt.learningRate).toBe(0.025); // the rate step 5 will use
    expect(opt.name).toBe("sgd");
  });

  it("refuses a direct learning-rate change, which the schedule would silently overwrite", () => {
    const opt = withSchedule(new SGD(), schedules.constant(0.1));
    expect(() => {
      opt.learningRate = 0.5;
    }).toThrow(/learningRate is set by the schedule; cannot set it to 0.5/);
  });

  it("restarts the schedule on reset()", () => {
    const opt = withSchedule(new SGD(), schedules.exponential({ learningRate: 1, decay: 0.5 }));
    const p = makeParam([0], { grad: [0] });
    opt.step([p]);
    opt.step([p]);
    opt.reset();
    expect(opt.stepCount).toBe(0);
    expect(opt.learningRate).toBe(1);
  });

  it("does not advance when the step throws", () => {
    const opt = withSchedule(new SGD(), schedules.constant(0.1));
    expect(() => opt.step([makeParam([0], { grad: [Number.NaN] })])).toThrow(ComputeError);
    expect(opt.stepCount).toBe(0);
  });
});

describe("applySchedule", () => {
  it("sets the optimizer's rate to the schedule's value at that step and returns it", () => {
    const opt = new SGD();
    expect(applySchedule(opt, schedules.stepDecay({ learningRate: 1, factor: 0.5, every: 1 }), 3)).toBe(
      0.125,
    );
    expect(opt.learningRate).toBe(0.125);
  });

  it("lets the optimizer reject a custom schedule's bad value", () => {
    expect(() => applySchedule(new SGD(), () => Number.NaN, 0)).toThrow(
      "sgd: learningRate must be a finite number ≥ 0, got NaN",
    );
  });
});
