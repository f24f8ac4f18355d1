/**
 * lib/compute: the dependency-free numeric library behind every live example.
 * Runs unchanged in Node, the browser and a Web Worker. See README.md.
 */
export { ComputeError } from "./errors";
export { Random } from "./random";
export { erf, erfc, normalCdf, normalPdf } from "./erf";
export { activation, activationNames, sigmoid, softplus, SELU_ALPHA, SELU_LAMBDA } from "./activations";
export type { Activation, ActivationName, ActivationOptions } from "./activations";
export { initialize, initializerNames, type InitializerName, type InitializerSpec } from "./init";
export type { Param, Optimizer } from "./types";
export * from "./softmax";
export * from "./losses";
export * from "./diagnostics";
export * from "./datasets";
export * as tensor from "./tensor";
export * as nn from "./nn";
export * as optim from "./optim";
export * as scalar from "./scalar";
