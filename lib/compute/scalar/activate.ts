import {
  activationNames,
  GELU_TANH_C,
  SELU_ALPHA,
  SQRT_2_OVER_PI,
  SELU_LAMBDA,
  type ActivationName,
  type ActivationOptions,
} from "../activations";
import { ComputeError } from "../errors";
import type { Value } from "./value";

/**
 * Activations by name for the scalar engine, with the same names and default
 * α/β as activation() in ../activations, so a network described by a config
 * runs on either engine. Primitives map to one node; SELU, Swish/SiLU and the
 * tanh-approximated GELU are compositions of primitives. "step" is left out:
 * its derivative is zero everywhere, so there is nothing to backpropagate.
 */
export const scalarActivationNames = activationNames.filter(
  (name): name is Exclude<ActivationName, "step"> => name !== "step",
);
export type ScalarActivationName = Exclude<ActivationName, "step">;

export function activate(x: Value, name: string, options: ActivationOptions = {}): Value {
  const alpha = options.alpha;
  const beta = options.beta ?? 1;
  for (const [key, v] of [
    ["alpha", alpha],
    ["beta", beta],
  ] as const) {
    if (v !== undefined && !Number.isFinite(v)) {
      throw new ComputeError("activate", `${name}: ${key} must be a finite number, got ${v}`);
    }
  }
  switch (name as ScalarActivationName) {
    case "identity":
      return x;
    case "sigmoid":
      return x.sigmoid();
    case "tanh":
      return x.tanh();
    case "relu":
      return x.relu();
    case "leaky-relu":
      return x.leakyRelu(alpha ?? 0.01);
    case "elu":
      return x.elu(alpha ?? 1);
    case "selu":
      return x.elu(SELU_ALPHA).mul(SELU_LAMBDA);
    case "gelu":
      return x.gelu();
    case "gelu-tanh": {
      // ½x(1 + tanh(√(2/π)(x + 0.044715x³)))
      const inner = x.add(x.pow(3).mul(GELU_TANH_C)).mul(SQRT_2_OVER_PI);
      return x.mul(inner.tanh().add(1)).mul(0.5);
    }
    case "softplus":
      return x.softplus();
    case "swish":
      return x.mul(x.mul(beta).sigmoid());
    case "silu":
      return x.mul(x.sigmoid());
  }
  throw new ComputeError(
    "activate",
    `unknown activation "${name}"; the scalar engine supports ${scalarActivationNames.join(", ")}`,
  );
}
