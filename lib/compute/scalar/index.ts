/** Scalar autograd for step-by-step cards: Value, activations by name, a tiny MLP, and trace(). */
export { Value, constant, sum, valueOps } from "./value";
export { topologicalOrder } from "./topological-order";
export type { ValueOp, ValueOptions, ValueOrigin } from "./value";
export { activate, scalarActivationNames } from "./activate";
export type { ScalarActivationName } from "./activate";
export { neuron, layer, mlp, scalarMlpForward } from "./mlp";
export type { LayerWeights, ScalarLayer, ScalarMlp } from "./mlp";
export { trace } from "./trace";
export type {
  Trace,
  TraceStep,
  TraceKind,
  TraceInput,
  TraceLocalDerivative,
  TraceChainTerm,
  TraceOptions,
} from "./trace";
export { formatNumber, labelToTex } from "./tex";
