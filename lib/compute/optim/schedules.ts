import { ComputeError } from "../errors";
import { checkLearningRate } from "./hyperparameters";

/**
 * A learning-rate schedule: a pure function from the 0-based index of the
 * update about to be taken to the learning rate for it. Pure, so a card can
 * plot the whole curve before training and a run can resume at any step.
 */
export type Schedule = (step: number) => number;

export type StepDecayOptions = { learningRate: number; factor: number; every: number };
export type ExponentialOptions = { learningRate: number; decay: number; every?: number };
export type CosineOptions = {
  learningRate: number;
  totalSteps: number;
  warmupSteps?: number;
  minLearningRate?: number;
};

export type ScheduleConfig =
  | { name: "constant"; learningRate: number }
  | ({ name: "step" } & StepDecayOptions)
  | ({ name: "exponential" } & ExponentialOptions)
  | ({ name: "cosine" } & CosineOptions);

export const scheduleNames = ["constant", "step", "exponential", "cosine"] as const;

function checkStep(op: string, step: number): void {
  if (!Number.isInteger(step) || step < 0) {
    throw new ComputeError(op, `step must be an integer ≥ 0, got ${String(step)}`);
  }
}

function checkInteger(op: string, option: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) {
    throw new ComputeError(op, `${option} must be an integer ≥ ${min}, got ${String(value)}`);
  }
  return value;
}

function checkFactor(op: string, option: string, value: number): number {
  if (typeof value !== "number" || !(value > 0 && value <= 1)) {
    throw new ComputeError(op, `${option} must be in (0, 1], got ${String(value)}`);
  }
  return value;
}

/** η at every step. */
function constant(learningRate: number): Schedule {
  const rate = checkLearningRate("schedules.constant", learningRate);
  return (step) => {
    checkStep("schedules.constant", step);
    return rate;
  };
}

/** η·factor^⌊step / every⌋: drops by `factor` every `every` steps (PyTorch's StepLR). */
function stepDecay(options: StepDecayOptions): Schedule {
  const op = "schedules.stepDecay";
  const rate = checkLearningRate(op, options.learningRate);
  const factor = checkFactor(op, "factor", options.factor);
  const every = checkInteger(op, "every", options.every, 1);
  return (step) => {
    checkStep(op, step);
    return rate * Math.pow(factor, Math.floor(step / every));
  };
}

/**
 * η·decay^(step / every): smooth decay by `decay` per `every` steps.
 * every = 1 is PyTorch's ExponentialLR; every = k is TensorFlow's
 * ExponentialDecay with decay_steps = k.
 */
function exponential(options: ExponentialOptions): Schedule {
  const op = "schedules.exponential";
  const rate = checkLearningRate(op, options.learningRate);
  const decay = checkFactor(op, "decay", options.decay);
  const every = checkInteger(op, "every", options.every ?? 1, 1);
  return (step) => {
    checkStep(op, step);
    return rate * Math.pow(decay, step / every);
  };
}

/**
 * Linear warm-up then cosine annealing (Loshchilov & Hutter's SGDR without
 * restarts). With W warm-up steps and T total steps:
 *   step < W:  η·(step + 1)/W           (the first update is not wasted at 0)
 *   step ≥ W:  η_min + (η − η_min)·½(1 + cos(π·p)),  p = min(1, (step − W)/(T − W))
 * so it peaks at η on step W and stays at η_min from step T on.
 */
function cosine(options: CosineOptions): Schedule {
  const op = "schedules.cosine";
  const rate = checkLearningRate(op, options.learningRate);
  const total = checkInteger(op, "totalSteps", options.totalSteps, 1);
  const warmup = checkInteger(op, "warmupSteps", options.warmupSteps ?? 0, 0);
  if (warmup > total) {
    throw new ComputeError(op, `warmupSteps (${warmup}) must not exceed totalSteps (${total})`);
  }
  const min = options.minLearningRate ?? 0;
  if (typeof min !== "number" || !(min >= 0 && min <= rate)) {
    throw new ComputeError(op, `minLearningRate must be in [0, learningRate = ${rate}], got ${String(min)}`);
  }
  return (step) => {
    checkStep(op, step);
    if (step < warmup) return (rate * (step + 1)) / warmup;
    const progress = total > warmup ? Math.min(1, (step - warmup) / (total - warmup)) : 1;
    return min + (rate - min) * 0.5 * (1 + Math.cos(Math.PI * progress));
  };
}

export const schedules = { constant, stepDecay, exponential, cosine };

/** Builds a schedule from a plain-JSON config (e.g. one read from a URL). */
export function createSchedule(config: ScheduleConfig): Schedule {
  if (typeof config !== "object" || config === null) {
    throw new ComputeError("createSchedule", `config must be an object, got ${String(config)}`);
  }
  switch (config.name) {
    case "constant":
      return constant(config.learningRate);
    case "step":
      return stepDecay(config);
    case "exponential":
      return exponential(config);
    case "cosine":
      return cosine(config);
    default:
      throw new ComputeError(
        "createSchedule",
        `unknown schedule "${String((config as { name: unknown }).name)}"; expected one of ${scheduleNames.join(", ")}`,
      );
  }
}
