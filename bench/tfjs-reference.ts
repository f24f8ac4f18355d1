/**
 * The same workloads in TensorFlow.js (pure-JS CPU backend), used only as the
 * speed and correctness reference of bench/compute.ts. Weights are copied from
 * our model so both start from the same point.
 */
import * as tf from "@tensorflow/tfjs";

export type DenseWeights = {
  W: Float64Array;
  b: Float64Array;
  inputs: number;
  units: number;
  activation: string;
};
export type Trainer = { step(): void; loss(): number; dispose(): void };

export async function selectCpuBackend(): Promise<void> {
  await tf.setBackend("cpu");
  await tf.ready();
}

/** Ours stores W as [out][in]; tfjs kernels are [in][out]. */
function kernel(w: DenseWeights): tf.Tensor2D {
  const t = new Float32Array(w.inputs * w.units);
  for (let o = 0; o < w.units; o++)
    for (let i = 0; i < w.inputs; i++) t[i * w.units + o] = w.W[o * w.inputs + i]!;
  return tf.tensor2d(t, [w.inputs, w.units]);
}

export function tfjsTrainer(options: {
  layers: DenseWeights[];
  x: Float64Array;
  y: Float64Array;
  batch: number;
  loss: "mse" | "softmax-ce";
  optimizer: { name: "adam" | "sgd"; learningRate: number };
}): Trainer {
  const { layers, batch } = options;
  const model = tf.sequential();
  layers.forEach((w, index) => {
    model.add(
      tf.layers.dense({
        units: w.units,
        inputShape: index === 0 ? [w.inputs] : undefined,
        activation: w.activation === "identity" ? "linear" : (w.activation as "tanh" | "relu"),
      }),
    );
    const weights = [kernel(w), tf.tensor1d(Float32Array.from(w.b))];
    model.layers[index]!.setWeights(weights);
    weights.forEach((t) => t.dispose());
  });
  const inputs = layers[0]!.inputs;
  const outputs = layers.at(-1)!.units;
  const x = tf.tensor2d(Float32Array.from(options.x), [batch, inputs]);
  const y = tf.tensor2d(Float32Array.from(options.y), [batch, outputs]);
  const optimizer =
    options.optimizer.name === "adam"
      ? tf.train.adam(options.optimizer.learningRate)
      : tf.train.sgd(options.optimizer.learningRate);
  const lossOf = () => {
    const out = model.apply(x) as tf.Tensor2D;
    return options.loss === "mse"
      ? tf.losses.meanSquaredError(y, out)
      : tf.losses.softmaxCrossEntropy(y, out);
  };
  let last = NaN;
  return {
    step() {
      const value = optimizer.minimize(() => lossOf() as tf.Scalar, true);
      last = value ? value.dataSync()[0]! : NaN;
      value?.dispose();
    },
    loss() {
      return tf.tidy(() => lossOf().dataSync()[0]!);
    },
    dispose() {
      x.dispose();
      y.dispose();
      model.dispose();
      optimizer.dispose();
      void last;
    },
  };
}
