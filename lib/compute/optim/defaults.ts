/**
 * Default hyperparameters, from the papers and PyTorch (torch.optim) where
 * they agree:
 * - SGD, momentum, Nesterov: no canonical learning rate exists (PyTorch
 *   long required one); 0.01 is Keras's default. μ = 0.9 is the usual
 *   momentum (Sutskever et al. 2013 use 0.9–0.999).
 * - AdaGrad: η = 0.01, ε = 1e-10 (PyTorch; Duchi et al. 2011 add no ε).
 * - RMSProp: η = 0.01, ρ = 0.99, ε = 1e-8 (PyTorch's lr, alpha, eps; Hinton's
 *   lecture 6e used ρ = 0.9).
 * - Adam: η = 0.001, β1 = 0.9, β2 = 0.999, ε = 1e-8 (Kingma & Ba 2015, Alg. 1).
 * - AdamW: Adam's values with λ = 0.01 (PyTorch's AdamW weight_decay).
 * Weight decay is 0 (off) everywhere else.
 */
export const optimizerDefaults = {
  sgd: { learningRate: 0.01, weightDecay: 0 },
  momentum: { learningRate: 0.01, momentum: 0.9, weightDecay: 0 },
  nesterov: { learningRate: 0.01, momentum: 0.9, weightDecay: 0 },
  adagrad: { learningRate: 0.01, epsilon: 1e-10, weightDecay: 0 },
  rmsprop: { learningRate: 0.01, rho: 0.99, epsilon: 1e-8, weightDecay: 0 },
  adam: { learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0 },
  adamw: { learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0.01 },
} as const;

export type OptimizerName = keyof typeof optimizerDefaults;

export const optimizerNames = Object.keys(optimizerDefaults) as OptimizerName[];
