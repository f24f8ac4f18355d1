import { describe, expect, it } from "vitest";
import { nn, Random, scalar } from "@/lib/compute";

/**
 * The scalar engine (one Value per number, micrograd-style) and the tensor
 * engine (fused Float64Array kernels) are written independently; on the same
 * network, data and loss they must agree to 1e-12 — each checks the other.
 */
describe("the scalar and tensor engines on the same network", () => {
  for (const act of ["tanh", "relu", "sigmoid", "gelu", "elu"] as const) {
    it(`${act}: same loss and same gradient for every weight and bias (1e-12)`, () => {
      const model = nn.buildMlp({
        inputs: 3,
        layers: [
          { units: 4, activation: act },
          { units: 3, activation: act },
          { units: 2, activation: "identity" },
        ],
        loss: "mse",
        seed: 5,
      });
      const rng = new Random(9);
      const batch = 4;
      const x = new Float64Array(batch * 3).map(() => rng.normal());
      const y = new Float64Array(batch * 2).map(() => rng.normal());
      const tensorLoss = model.computeGradients(x, y, batch);

      const dense = model.layers.filter((l): l is nn.Dense => l.kind === "dense");
      const weights = dense.map((d) => ({
        W: Array.from({ length: d.outputSize }, (_, o) =>
          Array.from(d.weight.data.slice(o * d.inputSize, (o + 1) * d.inputSize)),
        ),
        b: Array.from(d.bias.data),
      }));
      const activations = dense.map((d) => d.activationName);
      // One graph over the whole batch, the parameter Values shared between rows.
      const first = scalar.scalarMlpForward(weights, activations, Array.from(x.slice(0, 3)));
      const params = first.layers;
      const outputs = [first.outputs];
      for (let r = 1; r < batch; r++) {
        const inputs = Array.from(x.slice(r * 3, r * 3 + 3), (v) => new scalar.Value(v));
        outputs.push(scalar.mlp(params, activations, inputs));
      }
      // MSE as the tensor engine defines it: the mean of (ŷ − y)² over batch × outputs.
      const squares = outputs.flatMap((row, r) =>
        row.map((out, j) => {
          const diff = out.sub(y[r * 2 + j]!);
          return diff.mul(diff);
        }),
      );
      const loss = scalar.sum(squares).div(batch * 2);
      loss.backward();

      expect(Math.abs(loss.data - tensorLoss)).toBeLessThan(1e-12);
      dense.forEach((d, l) => {
        for (let o = 0; o < d.outputSize; o++) {
          expect(Math.abs(params[l]!.b[o]!.grad - d.bias.grad[o]!)).toBeLessThan(1e-12);
          for (let i = 0; i < d.inputSize; i++) {
            expect(Math.abs(params[l]!.W[o]![i]!.grad - d.weight.grad[o * d.inputSize + i]!)).toBeLessThan(
              1e-12,
            );
          }
        }
      });
    });
  }
});
