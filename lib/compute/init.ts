import { ComputeError, assertPositiveInt } from "./errors";
import type { Random } from "./random";

/**
 * Weight initializers with explicit fan-in / fan-out. Variances:
 * Xavier/Glorot 2/(fanIn+fanOut) (uniform limit √(6/(fanIn+fanOut))),
 * He/Kaiming 2/fanIn (uniform limit √(6/fanIn)), LeCun 1/fanIn.
 */
export const initializerNames = [
  "zeros",
  "constant",
  "uniform",
  "normal",
  "xavier-uniform",
  "xavier-normal",
  "he-uniform",
  "he-normal",
  "lecun-normal",
] as const;
export type InitializerName = (typeof initializerNames)[number];
export type InitializerSpec = {
  name: InitializerName;
  value?: number;
  low?: number;
  high?: number;
  mean?: number;
  std?: number;
};

export function initialize(
  spec: InitializerName | InitializerSpec,
  size: { fanIn: number; fanOut: number; count: number },
  rng: Random,
): Float64Array {
  const s: InitializerSpec = typeof spec === "string" ? { name: spec } : spec;
  if (!(initializerNames as readonly string[]).includes(s.name)) {
    throw new ComputeError(
      "initialize",
      `unknown initializer "${s.name}"; expected one of ${initializerNames.join(", ")}`,
    );
  }
  assertPositiveInt("initialize", "fanIn", size.fanIn);
  assertPositiveInt("initialize", "fanOut", size.fanOut);
  assertPositiveInt("initialize", "count", size.count);
  const out = new Float64Array(size.count);
  const uniform = (limit: number) => {
    for (let i = 0; i < out.length; i++) out[i] = rng.uniformIn(-limit, limit);
  };
  const normal = (mean: number, std: number) => {
    if (!(std >= 0)) throw new ComputeError("initialize", `std must be ≥ 0, got ${std}`);
    for (let i = 0; i < out.length; i++) out[i] = rng.normal(mean, std);
  };
  const { fanIn, fanOut } = size;
  switch (s.name) {
    case "zeros":
      break;
    case "constant":
      out.fill(s.value ?? 0);
      break;
    case "uniform": {
      const low = s.low ?? -0.05;
      const high = s.high ?? 0.05;
      if (!(high > low))
        throw new ComputeError("initialize", `uniform needs low < high, got [${low}, ${high}]`);
      for (let i = 0; i < out.length; i++) out[i] = rng.uniformIn(low, high);
      break;
    }
    case "normal":
      normal(s.mean ?? 0, s.std ?? 0.05);
      break;
    case "xavier-uniform":
      uniform(Math.sqrt(6 / (fanIn + fanOut)));
      break;
    case "xavier-normal":
      normal(0, Math.sqrt(2 / (fanIn + fanOut)));
      break;
    case "he-uniform":
      uniform(Math.sqrt(6 / fanIn));
      break;
    case "he-normal":
      normal(0, Math.sqrt(2 / fanIn));
      break;
    case "lecun-normal":
      normal(0, Math.sqrt(1 / fanIn));
      break;
  }
  return out;
}
