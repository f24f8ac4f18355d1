import { erf, normalPdf } from "./erf";
import { ComputeError } from "./errors";

/**
 * Elementwise activations, each with its value and derivative (scalar, for
 * plots and the scalar engine) and vectorised loops over Float64Array (for
 * the tensor engine). Softmax is row-wise and lives in softmax.ts; PReLU has a
 * learned slope and lives in layers.
 */
export const SELU_LAMBDA = 1.0507009873554804934193349852946;
export const SELU_ALPHA = 1.6732632423543772848170429916717;
export const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
/** The cubic coefficient of the tanh approximation of GELU (Hendrycks & Gimpel). */
export const GELU_TANH_C = 0.044715;

export const activationNames = [
  "identity",
  "step",
  "sigmoid",
  "tanh",
  "relu",
  "leaky-relu",
  "elu",
  "selu",
  "gelu",
  "gelu-tanh",
  "softplus",
  "swish",
  "silu",
] as const;
export type ActivationName = (typeof activationNames)[number];
export type ActivationOptions = { alpha?: number; beta?: number };

export type Activation = {
  name: ActivationName;
  value(x: number): number;
  /** dσ/dx at x (the step's derivative is 0 everywhere, taking 0 at the jump). */
  derivative(x: number): number;
  /** out[i] = f(z[i]). */
  forward(z: Float64Array, out: Float64Array): void;
  /** gradIn[i] = gradOut[i] · f'(z[i]); `a` holds f(z) from the forward pass (reused where it helps). */
  backward(z: Float64Array, a: Float64Array, gradOut: Float64Array, gradIn: Float64Array): void;
};

export function sigmoid(x: number): number {
  // Two branches so exp never overflows.
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/**
 * tanh from expm1, because Math.tanh is not bit-identical across JavaScript
 * engines (Node 20 and Chromium 156 disagree in the last bit on ~1 input in
 * 4,000), while expm1 is; a seed must give the same training everywhere.
 * e/(e + 2) with e = expm1(2x) is accurate to a couple of ulps.
 */
export function tanh(x: number): number {
  if (x > 19.1) return 1;
  if (x < -19.1) return -1;
  const e = Math.expm1(2 * x);
  return e / (e + 2);
}

export function softplus(x: number): number {
  // log(1 + e^x) without overflow for large x or loss of precision for very negative x.
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

type Scalar = { value(x: number): number; derivative(x: number): number };

function scalars(name: ActivationName, alpha: number, beta: number): Scalar {
  switch (name) {
    case "identity":
      return { value: (x) => x, derivative: () => 1 };
    case "step":
      return { value: (x) => (x > 0 ? 1 : 0), derivative: () => 0 };
    case "sigmoid":
      return { value: sigmoid, derivative: (x) => sigmoid(x) * (1 - sigmoid(x)) };
    case "tanh":
      return {
        value: tanh,
        derivative: (x) => {
          const t = tanh(x);
          return 1 - t * t;
        },
      };
    case "relu":
      return { value: (x) => (x > 0 ? x : 0), derivative: (x) => (x > 0 ? 1 : 0) };
    case "leaky-relu":
      return { value: (x) => (x > 0 ? x : alpha * x), derivative: (x) => (x > 0 ? 1 : alpha) };
    case "elu":
      return {
        value: (x) => (x > 0 ? x : alpha * Math.expm1(x)),
        derivative: (x) => (x > 0 ? 1 : alpha * Math.exp(x)),
      };
    case "selu":
      return {
        value: (x) => SELU_LAMBDA * (x > 0 ? x : SELU_ALPHA * Math.expm1(x)),
        derivative: (x) => SELU_LAMBDA * (x > 0 ? 1 : SELU_ALPHA * Math.exp(x)),
      };
    case "gelu":
      return {
        value: (x) => 0.5 * x * (1 + erf(x / Math.SQRT2)),
        derivative: (x) => 0.5 * (1 + erf(x / Math.SQRT2)) + x * normalPdf(x),
      };
    case "gelu-tanh":
      return {
        value: (x) => 0.5 * x * (1 + tanh(SQRT_2_OVER_PI * (x + GELU_TANH_C * x * x * x))),
        derivative: (x) => {
          const u = SQRT_2_OVER_PI * (x + GELU_TANH_C * x * x * x);
          const t = tanh(u);
          const du = SQRT_2_OVER_PI * (1 + 3 * GELU_TANH_C * x * x);
          return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * du;
        },
      };
    case "softplus":
      return { value: softplus, derivative: sigmoid };
    case "swish":
    case "silu": {
      const b = name === "silu" ? 1 : beta;
      return {
        value: (x) => x * sigmoid(b * x),
        derivative: (x) => {
          const s = sigmoid(b * x);
          return s + b * x * s * (1 - s);
        },
      };
    }
  }
}

/** Builds an activation by name; `alpha` for leaky-relu (0.01) and elu (1), `beta` for swish (1). */
export function activation(name: string, options: ActivationOptions = {}): Activation {
  if (!(activationNames as readonly string[]).includes(name)) {
    throw new ComputeError(
      "activation",
      `unknown activation "${name}"; expected one of ${activationNames.join(", ")}`,
    );
  }
  const typed = name as ActivationName;
  const alpha = options.alpha ?? (typed === "leaky-relu" ? 0.01 : 1);
  const beta = options.beta ?? 1;
  if (!Number.isFinite(alpha) || !Number.isFinite(beta)) {
    throw new ComputeError(
      "activation",
      `${name}: alpha and beta must be finite, got alpha=${alpha}, beta=${beta}`,
    );
  }
  const s = scalars(typed, alpha, beta);
  return { name: typed, ...s, ...fastLoops(typed, s) };
}

/** Tight loops for the activations that training uses most; generic loops for the rest. */
function fastLoops(name: ActivationName, s: Scalar): Pick<Activation, "forward" | "backward"> {
  switch (name) {
    case "relu":
      return {
        forward(z, out) {
          for (let i = 0; i < z.length; i++) out[i] = z[i]! > 0 ? z[i]! : 0;
        },
        backward(z, _a, g, gi) {
          for (let i = 0; i < z.length; i++) gi[i] = z[i]! > 0 ? g[i]! : 0;
        },
      };
    case "tanh":
      return {
        forward(z, out) {
          for (let i = 0; i < z.length; i++) out[i] = tanh(z[i]!);
        },
        backward(_z, a, g, gi) {
          for (let i = 0; i < a.length; i++) gi[i] = g[i]! * (1 - a[i]! * a[i]!);
        },
      };
    case "sigmoid":
      return {
        forward(z, out) {
          for (let i = 0; i < z.length; i++) out[i] = sigmoid(z[i]!);
        },
        backward(_z, a, g, gi) {
          for (let i = 0; i < a.length; i++) gi[i] = g[i]! * a[i]! * (1 - a[i]!);
        },
      };
    case "identity":
      return {
        forward(z, out) {
          out.set(z);
        },
        backward(_z, _a, g, gi) {
          gi.set(g);
        },
      };
    default:
      return {
        forward(z, out) {
          for (let i = 0; i < z.length; i++) out[i] = s.value(z[i]!);
        },
        backward(z, _a, g, gi) {
          for (let i = 0; i < z.length; i++) gi[i] = g[i]! * s.derivative(z[i]!);
        },
      };
  }
}
