import { ComputeError } from "../errors";
import type { Param } from "../types";
import { BaseOptimizer } from "./base-optimizer";

export type ParamState = { readonly size: number };

/**
 * An optimizer that keeps buffers per parameter (velocity, moments). They are
 * keyed by the Param object, allocated on the first step that sees it and
 * reused afterwards, so a training loop allocates nothing per step; a
 * WeakMap lets a discarded model take its state with it.
 */
export abstract class StatefulOptimizer<State extends ParamState> extends BaseOptimizer {
  private states = new WeakMap<Param, State>();

  override reset(): void {
    this.states = new WeakMap();
  }

  /** The state kept for a param (for diagnostics and tests); undefined before its first step. */
  stateOf(param: Param): Readonly<State> | undefined {
    return this.states.get(param);
  }

  protected abstract createState(size: number): State;

  protected abstract updateWithState(param: Param, state: State, learningRate: number, decay: number): void;

  protected override update(param: Param, learningRate: number, decay: number): void {
    let state = this.states.get(param);
    if (state === undefined) {
      state = this.createState(param.data.length);
      this.states.set(param, state);
    }
    this.updateWithState(param, state, learningRate, decay);
  }

  protected override checkParam(param: Param): void {
    super.checkParam(param);
    const state = this.states.get(param);
    if (state !== undefined && state.size !== param.data.length) {
      throw new ComputeError(
        `${this.name}.step`,
        `param "${param.name}" now has ${param.data.length} values but its optimizer state has ${state.size}; call reset() after resizing`,
      );
    }
  }
}
