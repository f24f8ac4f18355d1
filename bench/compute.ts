/**
 * `npm run bench:compute`: trains the same networks from the same data and the
 * same initial weights with lib/compute and with TensorFlow.js (CPU backend)
 * in one process, prints steps per second and the ratio, checks both reach a
 * comparable loss, times a 50×50 decision grid and heap growth over 10,000 steps.
 * Run with --expose-gc for the heap figure.
 * `--quick`: 20 checked steps, one short timing round, 1,000 heap steps (figures only).
 */
import { createDecisionGrid, generateDataset, nn, optim, Random } from "../lib/compute";
import { quick, sized } from "./support/quick";
import { tfjsTrainer, selectCpuBackend, type DenseWeights, type Trainer } from "./tfjs-reference";

const CHECK_STEPS = sized(200, 20);
const WARM_UP_STEPS = sized(20, 3);
const ROUNDS = sized(3, 1);
const SECONDS_PER_RATE = sized(1.5, 0.2);
const HEAP_STEPS = sized(10_000, 1_000);

type Workload = {
  name: string;
  config: nn.MlpConfig;
  x: Float64Array;
  y: Float64Array;
  batch: number;
  optimizer: optim.OptimizerConfig & { name: "adam" | "sgd"; learningRate: number };
  target: number;
};

function workloadA(): Workload {
  const data = generateDataset({ name: "circles", n: 200, noise: 0.1, seed: 1 });
  return {
    name: "A: 2-16-16-1 tanh, MSE, Adam, batch 200",
    config: {
      inputs: 2,
      layers: [
        { units: 16, activation: "tanh" },
        { units: 16, activation: "tanh" },
        { units: 1, activation: "identity" },
      ],
      loss: "mse",
      seed: 7,
    },
    x: data.x,
    y: data.y,
    batch: 200,
    optimizer: { name: "adam", learningRate: 0.01 },
    target: 6,
  };
}

function workloadB(): Workload {
  // MNIST-shaped: 64 rows of 784 values in [0, 1) and one-hot labels of 10 classes.
  const rng = new Random(11);
  const x = new Float64Array(64 * 784).map(() => rng.uniform());
  const y = new Float64Array(64 * 10);
  for (let r = 0; r < 64; r++) y[r * 10 + rng.int(10)] = 1;
  return {
    name: "B: 784-128-10 ReLU, softmax CE, SGD, batch 64",
    config: {
      inputs: 784,
      layers: [{ units: 128, activation: "relu" }, { units: 10 }],
      loss: "softmax-ce",
      seed: 7,
    },
    x,
    y,
    batch: 64,
    optimizer: { name: "sgd", learningRate: 0.05 },
    target: 4,
  };
}

function denseWeights(model: nn.Sequential): DenseWeights[] {
  return model.layers
    .filter((l): l is nn.Dense => l.kind === "dense")
    .map((d) => ({
      W: d.weight.data,
      b: d.bias.data,
      inputs: d.inputSize,
      units: d.outputSize,
      activation: d.activationName === "softmax" ? "identity" : d.activationName,
    }));
}

function oursTrainer(w: Workload): Trainer & { model: nn.Sequential } {
  const model = nn.buildMlp(w.config);
  const optimizer = optim.createOptimizer(w.optimizer);
  let last = NaN;
  return {
    model,
    step: () => {
      last = model.trainStep(w.x, w.y, w.batch, optimizer);
    },
    loss: () => model.evaluate(w.x, w.y, w.batch),
    dispose: () => void last,
  };
}

function stepsPerSecond(trainer: Trainer, minSeconds: number): number {
  for (let i = 0; i < WARM_UP_STEPS; i++) trainer.step();
  let steps = 0;
  const start = performance.now();
  while (performance.now() - start < minSeconds * 1000) {
    for (let i = 0; i < 10; i++) trainer.step();
    steps += 10;
  }
  return steps / ((performance.now() - start) / 1000);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function run(w: Workload): Promise<void> {
  console.log(`\n${w.name}`);
  // Same start, same data, same number of steps: the losses must agree.
  const check = CHECK_STEPS;
  const ours = oursTrainer(w);
  const theirs = tfjsTrainer({
    layers: denseWeights(ours.model),
    x: w.x,
    y: w.y,
    batch: w.batch,
    loss: w.config.loss as "mse" | "softmax-ce",
    optimizer: w.optimizer,
  });
  const initial = [ours.loss(), theirs.loss()];
  for (let i = 0; i < check; i++) {
    ours.step();
    theirs.step();
  }
  const after = [ours.loss(), theirs.loss()];
  const gap = Math.abs(after[0]! - after[1]!) / Math.max(1e-12, Math.abs(after[1]!));
  console.log(
    `  loss at start ours ${initial[0]!.toFixed(6)} tfjs ${initial[1]!.toFixed(6)}; after ${check} steps ours ${after[0]!.toFixed(6)} tfjs ${after[1]!.toFixed(6)} (relative gap ${(gap * 100).toFixed(2)}%)`,
  );
  if (!(gap < 0.05))
    throw new Error(
      `${w.name}: losses disagree by ${(gap * 100).toFixed(1)}% — the speed figures would be meaningless`,
    );
  theirs.dispose();

  const oursRates: number[] = [];
  const tfjsRates: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const a = oursTrainer(w);
    oursRates.push(stepsPerSecond(a, SECONDS_PER_RATE));
    const b = tfjsTrainer({
      layers: denseWeights(a.model),
      x: w.x,
      y: w.y,
      batch: w.batch,
      loss: w.config.loss as "mse" | "softmax-ce",
      optimizer: w.optimizer,
    });
    tfjsRates.push(stepsPerSecond(b, SECONDS_PER_RATE));
    b.dispose();
  }
  const ratio = median(oursRates) / median(tfjsRates);
  console.log(
    `  steps/s (median of ${ROUNDS}): lib/compute ${median(oursRates).toFixed(0)}, tfjs ${median(tfjsRates).toFixed(0)}, ratio ${ratio.toFixed(1)}× (target ≥ ${w.target}×) ${quick ? "(quick run: not checked)" : ratio >= w.target ? "ok" : "BELOW TARGET"}`,
  );
}

function gridAndHeap(): void {
  const w = workloadA();
  const trainer = oursTrainer(w);
  for (let i = 0; i < sized(300, 30); i++) trainer.step();
  const grid = createDecisionGrid(trainer.model, { x: [-1.5, 1.5], y: [-1.5, 1.5], resolution: 50 });
  for (let i = 0; i < sized(200, 20); i++) grid.evaluate();
  const times: number[] = [];
  for (let i = 0; i < sized(500, 50); i++) {
    const start = performance.now();
    grid.evaluate();
    times.push(performance.now() - start);
  }
  console.log(
    `\n50×50 decision grid of A's net: median ${median(times).toFixed(3)} ms per grid (target < 2 ms)`,
  );

  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) {
    console.log("heap: run with node --expose-gc for the heap-growth figure");
    return;
  }
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < HEAP_STEPS; i++) trainer.step();
  gc();
  const after = process.memoryUsage().heapUsed;
  console.log(
    `heap growth over ${HEAP_STEPS.toLocaleString("en")} steps of A: ${((after - before) / 1024).toFixed(1)} KiB (${((after - before) / HEAP_STEPS).toFixed(1)} bytes/step; target: flat)`,
  );
}

await selectCpuBackend();
await run(workloadA());
await run(workloadB());
gridAndHeap();
