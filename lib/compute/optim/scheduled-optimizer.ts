import { ComputeError } from "../errors";
import type { Optimizer, Param } from "../types";
import type { Schedule } from "./schedules";

/** Sets the optimizer's learning rate to schedule(step) and returns it; for loops that count steps themselves. */
export function applySchedule(optimizer: Optimizer, schedule: Schedule, step: number): number {
  const rate = schedule(step);
  optimizer.learningRate = rate; // the optimizer validates it, so a bad schedule value throws here
  return rate;
}

/**
 * An optimizer whose learning rate follows a schedule: before each step it
 * sets the wrapped optimizer's rate to schedule(stepCount). The training loop
 * stays the same as without a schedule.
 */
export class ScheduledOptimizer implements Optimizer {
  private steps = 0;

  constructor(
    readonly optimizer: Optimizer & { reset?(): void },
    readonly schedule: Schedule,
  ) {}

  get name(): string {
    return this.optimizer.name;
  }

  /** The rate the next step will use. */
  get learningRate(): number {
    return this.schedule(this.steps);
  }

  set learningRate(value: number) {
    throw new ComputeError(
      `${this.name} (scheduled)`,
      `learningRate is set by the schedule; cannot set it to ${value}. Change the schedule or unwrap the optimizer`,
    );
  }

  /** Updates taken so far (the step the schedule will be asked for next). */
  get stepCount(): number {
    return this.steps;
  }

  step(params: Param[]): void {
    applySchedule(this.optimizer, this.schedule, this.steps);
    this.optimizer.step(params);
    this.steps++;
  }

  /** Back to step 0 and, if the optimizer keeps state, forgets it too. */
  reset(): void {
    this.steps = 0;
    this.optimizer.reset?.();
  }
}

export function withSchedule(
  optimizer: Optimizer & { reset?(): void },
  schedule: Schedule,
): ScheduledOptimizer {
  return new ScheduledOptimizer(optimizer, schedule);
}
