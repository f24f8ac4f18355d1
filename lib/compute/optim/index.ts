export { AdaGrad, type AdaGradOptions } from "./adagrad";
export { Adam } from "./adam";
export { AdamW } from "./adamw";
export { AdaptiveMoments, type AdamOptions } from "./adaptive-moments";
export { BaseOptimizer } from "./base-optimizer";
export { createOptimizer, type OptimizerConfig } from "./create-optimizer";
export { optimizerDefaults, optimizerNames, type OptimizerName } from "./defaults";
export { Momentum, type MomentumOptions } from "./momentum";
export { Nesterov, type NesterovOptions } from "./nesterov";
export { RMSProp, type RMSPropOptions } from "./rmsprop";
export { applySchedule, ScheduledOptimizer, withSchedule } from "./scheduled-optimizer";
export {
  createSchedule,
  scheduleNames,
  schedules,
  type CosineOptions,
  type ExponentialOptions,
  type Schedule,
  type ScheduleConfig,
  type StepDecayOptions,
} from "./schedules";
export { SGD, type SGDOptions } from "./sgd";
export { StatefulOptimizer, type ParamState } from "./stateful-optimizer";
