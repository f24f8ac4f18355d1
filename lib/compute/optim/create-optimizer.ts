import { ComputeError } from "../errors";
import { AdaGrad } from "./adagrad";
import { Adam } from "./adam";
import { AdamW } from "./adamw";
import type { BaseOptimizer } from "./base-optimizer";
import { optimizerNames, type OptimizerName } from "./defaults";
import { Momentum } from "./momentum";
import { Nesterov } from "./nesterov";
import { RMSProp } from "./rmsprop";
import { SGD } from "./sgd";

/**
 * A plain-JSON description of an optimizer, so it can live in a URL. Omitted
 * options take `optimizerDefaults[name]`. Options another optimizer uses are
 * ignored (a UI may keep every knob while switching), but a key no optimizer
 * knows is an error: a typo must not silently fall back to a default.
 */
export type OptimizerConfig = {
  name: OptimizerName;
  learningRate?: number;
  momentum?: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
  rho?: number;
  weightDecay?: number;
};

const optionKeys = ["name", "learningRate", "momentum", "beta1", "beta2", "epsilon", "rho", "weightDecay"];

export function createOptimizer(config: OptimizerConfig): BaseOptimizer {
  if (typeof config !== "object" || config === null) {
    throw new ComputeError("createOptimizer", `config must be an object, got ${String(config)}`);
  }
  const name = config.name as string;
  if (!(optimizerNames as string[]).includes(name)) {
    throw new ComputeError(
      "createOptimizer",
      `unknown optimizer "${String(name)}"; expected one of ${optimizerNames.join(", ")}`,
    );
  }
  for (const key of Object.keys(config)) {
    if (!optionKeys.includes(key)) {
      throw new ComputeError(
        "createOptimizer",
        `unknown option "${key}" for ${name}; expected some of ${optionKeys.slice(1).join(", ")}`,
      );
    }
  }
  const { learningRate, momentum, beta1, beta2, epsilon, rho, weightDecay } = config;
  switch (config.name) {
    case "sgd":
      return new SGD({ learningRate, weightDecay });
    case "momentum":
      return new Momentum({ learningRate, momentum, weightDecay });
    case "nesterov":
      return new Nesterov({ learningRate, momentum, weightDecay });
    case "adagrad":
      return new AdaGrad({ learningRate, epsilon, weightDecay });
    case "rmsprop":
      return new RMSProp({ learningRate, rho, epsilon, weightDecay });
    case "adam":
      return new Adam({ learningRate, beta1, beta2, epsilon, weightDecay });
    case "adamw":
      return new AdamW({ learningRate, beta1, beta2, epsilon, weightDecay });
  }
}
