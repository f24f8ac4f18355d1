import { buildSync } from "esbuild";
import { expect, test } from "@playwright/test";
import { generateDataset, nn, optim } from "../../lib/compute";

/** The same seeded training run, as a function both Node and the browser execute. */
function run(lib: { generateDataset: typeof generateDataset; nn: typeof nn; optim: typeof optim }): number[] {
  const data = lib.generateDataset({ name: "spirals", n: 100, noise: 0.05, seed: 3 });
  const model = lib.nn.buildMlp({
    inputs: 2,
    layers: [
      { units: 8, activation: "tanh" },
      { units: 8, activation: "gelu" },
      { units: 1, activation: "sigmoid" },
    ],
    loss: "bce",
    seed: 42,
  });
  const opt = lib.optim.createOptimizer({ name: "adam", learningRate: 0.02 });
  const losses: number[] = [];
  for (let step = 0; step < 100; step++) losses.push(model.trainStep(data.x, data.y, data.n, opt));
  return [...losses, ...model.params().flatMap((p) => Array.from(p.data))];
}

test("lib/compute gives bit-identical results from the same seed in Node and in the browser", async ({
  page,
}) => {
  const bundle = buildSync({
    entryPoints: ["lib/compute/index.ts"],
    bundle: true,
    format: "iife",
    globalName: "gradusCompute",
    write: false,
    platform: "browser",
  }).outputFiles[0]!.text;
  await page.goto("/");
  await page.addScriptTag({ content: bundle });
  const inBrowser = await page.evaluate(`(${run.toString()})(window.gradusCompute)`);
  const inNode = run({ generateDataset, nn, optim });
  expect(inNode.length).toBeGreaterThan(100);
  // Exact equality of every loss and every final weight, not a tolerance.
  expect(inBrowser).toStrictEqual(inNode);
});
