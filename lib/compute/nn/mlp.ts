import { activationNames } from "../activations";
import { ComputeError } from "../errors";
import { type InitializerName, type InitializerSpec, initializerNames } from "../init";
import { type LossName, lossNames } from "../losses";
import { Random } from "../random";
import { ActivationLayer } from "./activation-layer";
import { BatchNorm } from "./batch-norm";
import { Dense } from "./dense";
import { Dropout } from "./dropout";
import type { Layer } from "./layer";
import { PReLU } from "./prelu";
import { Sequential } from "./sequential";

/**
 * A multilayer perceptron as plain JSON, so the whole model (seed included)
 * can live in a URL and be rebuilt identically:
 *   { inputs: 2, layers: [{ units: 16, activation: "tanh" }, { units: 1 }], loss: "mse", seed: 1 }
 */
export type MlpLayerConfig = {
  units: number;
  /**
   * Any elementwise activation of activations.ts, "prelu" (learned slopes), or
   * on the output layer "softmax". Default: identity for mse/mae outputs,
   * sigmoid for bce, softmax for softmax-ce, and relu for hidden layers.
   */
  activation?: string;
  /** leaky-relu/elu α, or PReLU's initial α. */
  alpha?: number;
  /** swish β. */
  beta?: number;
  /** Weight initializer; default by activation (see defaultInitializer). */
  init?: InitializerName | InitializerSpec;
  /** Initial bias (default 0). */
  bias?: number;
  /** Batch normalization between the affine map and the activation (hidden layers only). */
  batchNorm?: boolean;
  /** Inverted dropout rate after the activation, in [0, 1) (hidden layers only). */
  dropout?: number;
};

export type MlpConfig = {
  inputs: number;
  layers: MlpLayerConfig[];
  loss: LossName;
  seed: number;
  /** L2 weight decay λ (default 0). */
  weightDecay?: number;
};

const LAYER_KEYS = ["units", "activation", "alpha", "beta", "init", "bias", "batchNorm", "dropout"];
const CONFIG_KEYS = ["inputs", "layers", "loss", "seed", "weightDecay"];
const OUTPUT_ONLY = ["softmax"];
const LEARNED = ["prelu"];

/** He initialisation suits the ReLU family (variance 2/fanIn), LeCun suits SELU, Xavier the rest. */
export function defaultInitializer(activationName: string): InitializerName {
  if (["relu", "leaky-relu", "prelu"].includes(activationName)) return "he-uniform";
  if (activationName === "selu") return "lecun-normal";
  return "xavier-uniform";
}

function defaultActivation(isOutput: boolean, loss: LossName): string {
  if (!isOutput) return "relu";
  return loss === "bce" ? "sigmoid" : loss === "softmax-ce" ? "softmax" : "identity";
}

/** Checks every field of a config (e.g. one parsed from a URL), naming the first bad one. */
export function validateMlpConfig(config: unknown): MlpConfig {
  const fail = (message: string): never => {
    throw new ComputeError("mlp", message);
  };
  if (typeof config !== "object" || config === null)
    return fail(`config must be an object, got ${String(config)}`);
  const c = config as Record<string, unknown>;
  for (const key of Object.keys(c)) if (!CONFIG_KEYS.includes(key)) fail(`unknown config key "${key}"`);
  const positiveInt = (value: unknown, path: string) => {
    if (typeof value !== "number" || !Number.isInteger(value) || value <= 0) {
      fail(`${path} must be a positive integer, got ${JSON.stringify(value)}`);
    }
  };
  positiveInt(c.inputs, "inputs");
  if (typeof c.loss !== "string" || !(lossNames as readonly string[]).includes(c.loss)) {
    fail(`unknown loss ${JSON.stringify(c.loss)}; expected one of ${lossNames.join(", ")}`);
  }
  const loss = c.loss as LossName;
  if (typeof c.seed !== "number" || !Number.isFinite(c.seed))
    fail(`seed must be a finite number, got ${JSON.stringify(c.seed)}`);
  if (
    c.weightDecay !== undefined &&
    !(typeof c.weightDecay === "number" && c.weightDecay >= 0 && Number.isFinite(c.weightDecay))
  ) {
    fail(`weightDecay must be a finite number ≥ 0, got ${JSON.stringify(c.weightDecay)}`);
  }
  if (!Array.isArray(c.layers) || c.layers.length === 0) fail("layers must be a non-empty array");
  const layers = c.layers as unknown[];
  layers.forEach((raw, i) => {
    const path = `layers[${i}]`;
    const isOutput = i === layers.length - 1;
    if (typeof raw !== "object" || raw === null) return fail(`${path} must be an object`);
    const layer = raw as Record<string, unknown>;
    for (const key of Object.keys(layer))
      if (!LAYER_KEYS.includes(key)) fail(`${path}: unknown key "${key}"`);
    positiveInt(layer.units, `${path}.units`);
    const act = layer.activation ?? defaultActivation(isOutput, loss);
    const known = [...activationNames, ...LEARNED, ...OUTPUT_ONLY];
    if (typeof act !== "string" || !known.includes(act)) {
      fail(`${path}: unknown activation ${JSON.stringify(act)}; expected one of ${known.join(", ")}`);
    }
    if (OUTPUT_ONLY.includes(act as string) && !isOutput)
      fail(`${path}: ${String(act)} is only allowed on the output layer`);
    if (isOutput && loss === "bce" && act !== "sigmoid")
      fail(`${path}: loss bce needs a sigmoid output, got ${String(act)}`);
    if (isOutput && loss === "softmax-ce" && act !== "softmax") {
      fail(`${path}: loss softmax-ce needs a softmax output, got ${String(act)}`);
    }
    for (const key of ["alpha", "beta", "bias"]) {
      const v = layer[key];
      if (v !== undefined && !(typeof v === "number" && Number.isFinite(v))) {
        fail(`${path}.${key} must be a finite number, got ${JSON.stringify(v)}`);
      }
    }
    if (layer.init !== undefined) {
      const name =
        typeof layer.init === "string" ? layer.init : (layer.init as { name?: unknown } | null)?.name;
      if (typeof name !== "string" || !(initializerNames as readonly string[]).includes(name)) {
        fail(
          `${path}: unknown init ${JSON.stringify(layer.init)}; expected one of ${initializerNames.join(", ")}`,
        );
      }
    }
    if (layer.dropout !== undefined) {
      if (!(typeof layer.dropout === "number" && layer.dropout >= 0 && layer.dropout < 1)) {
        fail(`${path}.dropout must lie in [0, 1), got ${JSON.stringify(layer.dropout)}`);
      }
      if (isOutput) fail(`${path}: the output layer cannot have dropout`);
    }
    if (layer.batchNorm !== undefined) {
      if (typeof layer.batchNorm !== "boolean")
        fail(`${path}.batchNorm must be true or false, got ${JSON.stringify(layer.batchNorm)}`);
      if (layer.batchNorm && isOutput) fail(`${path}: the output layer cannot have batch normalization`);
    }
  });
  return config as MlpConfig;
}

/**
 * Builds the model a config describes. Layer names are "dense1", "bn1",
 * "act1", "prelu1", "dropout1", … by position; every weight and dropout mask
 * comes from Random(seed), forked once per layer in order.
 */
export function buildMlp(config: MlpConfig): Sequential {
  validateMlpConfig(config);
  const rng = new Random(config.seed);
  const layers: Layer[] = [];
  let width = config.inputs;
  config.layers.forEach((spec, i) => {
    const index = i + 1;
    const isOutput = i === config.layers.length - 1;
    const act = spec.activation ?? defaultActivation(isOutput, config.loss);
    const options = { alpha: spec.alpha, beta: spec.beta };
    // The activation is fused into the dense layer unless something must sit between them.
    const separate = spec.batchNorm === true || act === "prelu";
    layers.push(
      new Dense({
        name: `dense${index}`,
        inputs: width,
        units: spec.units,
        activation: separate ? "identity" : act,
        activationOptions: options,
        init: spec.init ?? defaultInitializer(act),
        initialBias: spec.bias,
        rng: rng.fork(),
      }),
    );
    if (spec.batchNorm) layers.push(new BatchNorm(`bn${index}`, spec.units));
    if (act === "prelu") layers.push(new PReLU(`prelu${index}`, spec.units, spec.alpha));
    else if (separate && act !== "identity")
      layers.push(new ActivationLayer(`act${index}`, spec.units, act, options));
    if (spec.dropout !== undefined && spec.dropout > 0) {
      layers.push(new Dropout(`dropout${index}`, spec.units, spec.dropout, rng.fork()));
    }
    width = spec.units;
  });
  return new Sequential(layers, { loss: config.loss, weightDecay: config.weightDecay ?? 0 });
}
