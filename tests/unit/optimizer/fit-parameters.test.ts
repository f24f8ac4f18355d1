import { describe, expect, it } from "vitest";
import { fitParameters } from "@/lib/optimizer/fit-parameters";
import { packSequences, toCardSequences, type CardSequence } from "@/lib/srs/fsrs-items";
import { defaultFsrsParams } from "@/lib/srs/scheduler";
import { simulateReviews } from "@/lib/srs/simulate-reviews";
import { learnerParams } from "../../fixtures/review-history";

/**
 * The oracle for the metrics: FSRS-6's forgetting curve in closed form,
 *   R(t, S) = (1 + f·t/S)^(−w20),  f = 0.9^(−1/w20) − 1,
 * with a first Good answer giving S = w2, and fsrs-rs's weighting of item i of n,
 * 0.25 + 0.75·(i/(n−1))³, written out here by hand.
 */
const w = defaultFsrsParams;
const decay = w[20]!;
const recallAfterOneDay = (1 + (0.9 ** (-1 / decay) - 1) / w[2]!) ** -decay;

function card(id: number, secondRating: 1 | 3, at: number): CardSequence {
  return {
    cardId: `c${id}`,
    reviews: [
      { rating: 3, deltaT: 0 },
      { rating: secondRating, deltaT: 1 },
    ],
    times: [at - 86_400_000, at],
  };
}

function handMetrics(outcomes: number[]) {
  const n = outcomes.length;
  const weight = (i: number) => 0.25 + 0.75 * (i / (n - 1)) ** 3;
  let loss = 0;
  let total = 0;
  outcomes.forEach((y, i) => {
    loss += weight(i) * -(y * Math.log(recallAfterOneDay) + (1 - y) * Math.log(1 - recallAfterOneDay));
    total += weight(i);
  });
  const recalled = outcomes.reduce((a, b) => a + b, 0) / n;
  // Every item has the same history, so all fall in one bin: RMSE is |mean prediction − mean outcome|.
  return { logLoss: loss / total, rmseBins: Math.abs(recallAfterOneDay - recalled) };
}

describe("scoring parameters on a history", () => {
  // 15 cards recalled after a day, 5 forgotten; in time order the forgotten ones come last.
  const outcomes = [...Array<number>(15).fill(1), ...Array<number>(5).fill(0)];
  const sequences = outcomes.map((y, i) => card(i, y ? 3 : 1, 1_000_000_000_000 + i * 60_000));

  it("gives the recency-weighted log loss and binned RMSE computed by hand", async () => {
    const { metrics, fitted } = await fitParameters({
      history: packSequences(sequences),
      fit: false,
      evaluateWith: [defaultFsrsParams],
      relearningSteps: 1,
    });
    expect(fitted).toBeNull();
    const expected = handMetrics(outcomes);
    expect(metrics[0]!.logLoss).toBeCloseTo(expected.logLoss, 5);
    expect(metrics[0]!.rmseBins).toBeCloseTo(expected.rmseBins, 5);
  });

  it("weights items by when they happened, not by the order of the cards", async () => {
    // The same cards listed in reverse: the time stamps, not the list order, decide the weights.
    const { metrics } = await fitParameters({
      history: packSequences([...sequences].reverse()),
      fit: false,
      evaluateWith: [defaultFsrsParams],
      relearningSteps: 1,
    });
    expect(metrics[0]!.logLoss).toBeCloseTo(handMetrics(outcomes).logLoss, 5);
    // Had the forgotten cards come first, the loss would be far lower: the order matters.
    expect(handMetrics([...outcomes].reverse()).logLoss).toBeLessThan(handMetrics(outcomes).logLoss - 0.5);
  });
});

describe("fitting on a synthetic learner", () => {
  it("finds parameters that predict the learner's history better than the defaults", async () => {
    const events = simulateReviews({
      seed: 2026,
      trueParams: learnerParams,
      reviews: 3000,
      newCardsPerDay: 5,
      start: new Date("2026-01-01T00:00:00Z"),
    });
    const history = packSequences(toCardSequences(events, { timeZone: "UTC", dayStartHour: 4 }));
    const progress: number[] = [];
    const { fitted, metrics } = await fitParameters({
      history,
      fit: true,
      evaluateWith: [defaultFsrsParams],
      relearningSteps: 1,
      onProgress: (f) => progress.push(f),
    });
    expect(fitted).toHaveLength(21);
    const [withDefaults, withFitted] = metrics;
    expect(withFitted!.logLoss).toBeLessThan(withDefaults!.logLoss);
    expect(withFitted!.rmseBins).toBeLessThan(withDefaults!.rmseBins);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  }, 60_000);
});
