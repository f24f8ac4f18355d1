export { type Tensor, tensor, zeros, fromRows, formatShape, sizeOf, sameShape } from "./tensor";
export { matmul, matmulTransposed, transpose } from "./matmul";
export { gemmABt, gemmAtB, gemmAB, columnSums } from "./kernels";
export { Variable, variable, apply } from "./autograd";
export { opRules, type OpName, type OpRule, type OpAttrs } from "./ops";
