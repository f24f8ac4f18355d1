export type { Layer, LayerKind } from "./layer";
export { Dense, type DenseOptions } from "./dense";
export { ActivationLayer } from "./activation-layer";
export { PReLU, PRELU_INITIAL_ALPHA } from "./prelu";
export { Dropout } from "./dropout";
export { BatchNorm, BATCH_NORM_DEFAULTS } from "./batch-norm";
export { Sequential, type SequentialOptions } from "./sequential";
export { buildMlp, validateMlpConfig, defaultInitializer, type MlpConfig, type MlpLayerConfig } from "./mlp";
