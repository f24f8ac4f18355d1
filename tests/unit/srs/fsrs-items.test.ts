import { describe, expect, it } from "vitest";
import {
  countTrainingItems,
  currentLearningRun,
  evaluationItemEnds,
  packSequences,
  studyDayNumber,
  toCardSequences,
  trainingItemEnds,
  type CardSequence,
  type ReviewEvent,
} from "@/lib/srs/fsrs-items";
import { ratings, states } from "@/lib/srs/scheduler";

const moscow = { timeZone: "Europe/Moscow", dayStartHour: 4 }; // UTC+3 all year
const review = (cardId: string, iso: string, rating: ReviewEvent["rating"] = 3, state = 2): ReviewEvent => ({
  cardId,
  rating,
  state: state as ReviewEvent["state"],
  reviewedAt: new Date(iso),
});

describe("study days", () => {
  it("start at the user's day-start hour in local time, not at UTC midnight", () => {
    // 00:30 UTC on 2 March is 03:30 in Moscow: before 04:00, still the study day of 1 March.
    const day = (iso: string) => studyDayNumber(new Date(iso), moscow);
    expect(day("2026-03-02T00:30:00Z")).toBe(day("2026-03-01T20:00:00Z"));
    expect(day("2026-03-02T01:00:00Z")).toBe(day("2026-03-01T20:00:00Z") + 1); // 04:00 local
  });

  it("follow daylight saving time changes", () => {
    // New York moves from UTC−5 to UTC−4 on 8 March 2026: 08:30 UTC is 03:30 before the
    // change but 04:30 after it, so these two reviews are one study day apart.
    const ny = { timeZone: "America/New_York", dayStartHour: 4 };
    const a = studyDayNumber(new Date("2026-03-07T09:30:00Z"), ny); // 04:30 EST, 7 March
    const b = studyDayNumber(new Date("2026-03-08T08:30:00Z"), ny); // 04:30 EDT, 8 March
    expect(b - a).toBe(1);
  });
});

describe("converting review logs to FSRS sequences", () => {
  it("counts delta_t in study days since the previous review, 0 for the first and same-day reviews", () => {
    const events = [
      review("c1", "2026-03-01T20:00:00Z", ratings.good, states.new), // 23:00 local, day D
      review("c1", "2026-03-01T20:10:00Z", ratings.good, states.learning), // same day: 0
      review("c1", "2026-03-02T00:30:00Z", ratings.again, states.review), // 03:30 local: still D → 0
      review("c1", "2026-03-02T02:00:00Z", ratings.good, states.relearning), // 05:00 local: D+1 → 1
      review("c1", "2026-03-05T21:30:00Z", ratings.easy, states.review), // 00:30 local 6 March: still D+4 → 3
    ];
    const [sequence] = toCardSequences(events, moscow);
    expect(sequence).toEqual({
      cardId: "c1",
      reviews: [
        { rating: 3, deltaT: 0 },
        { rating: 3, deltaT: 0 },
        { rating: 1, deltaT: 0 },
        { rating: 3, deltaT: 1 },
        { rating: 4, deltaT: 3 },
      ],
      times: events.map((e) => e.reviewedAt.getTime()),
    });
  });

  it("sorts each card's reviews by time and keeps cards apart", () => {
    const sequences = toCardSequences(
      [
        review("b", "2026-03-03T10:00:00Z", ratings.hard),
        review("a", "2026-03-01T10:00:00Z", ratings.good, states.new),
        review("b", "2026-03-01T10:00:00Z", ratings.good, states.new),
        review("a", "2026-03-04T10:00:00Z", ratings.again),
      ],
      { timeZone: "UTC", dayStartHour: 0 },
    );
    const byCard = Object.fromEntries(sequences.map((s) => [s.cardId, s.reviews]));
    expect(byCard).toEqual({
      a: [
        { rating: 3, deltaT: 0 },
        { rating: 1, deltaT: 3 },
      ],
      b: [
        { rating: 3, deltaT: 0 },
        { rating: 2, deltaT: 2 },
      ],
    });
  });

  it("starts over at the last review of the card as new (after a reset), and skips a card with no start", () => {
    const runs = currentLearningRun([
      { state: states.new, n: 1 },
      { state: states.review, n: 2 },
      { state: states.new, n: 3 },
      { state: states.learning, n: 4 },
    ]);
    expect(runs.map((r) => r.n)).toEqual([3, 4]);
    expect(
      toCardSequences(
        [review("imported", "2026-03-01T10:00:00Z"), review("imported", "2026-03-05T10:00:00Z")],
        moscow,
      ),
    ).toEqual([]);
  });
});

describe("training and evaluation items", () => {
  const sequence: CardSequence = {
    cardId: "c",
    reviews: [
      { rating: 3, deltaT: 0 },
      { rating: 3, deltaT: 0 }, // learning step: no long-term review yet → no item
      { rating: 3, deltaT: 2 }, // item (scored)
      { rating: 1, deltaT: 5 }, // item (scored)
      { rating: 3, deltaT: 0 }, // relearning step: training item, not scored
    ],
    times: [1, 2, 3, 4, 5],
  };

  it("are the reviews after the card's first review on a later day; only long-term ones are scored", () => {
    expect(trainingItemEnds(sequence)).toEqual([2, 3, 4]);
    expect(evaluationItemEnds(sequence)).toEqual([2, 3]);
    expect(countTrainingItems([sequence, { ...sequence, reviews: sequence.reviews.slice(0, 2) }])).toBe(3);
  });

  it("pack into flat arrays with each sequence's start and the item ends marked", () => {
    const other: CardSequence = {
      cardId: "d",
      reviews: [
        { rating: 4, deltaT: 0 },
        { rating: 3, deltaT: 7 },
      ],
      times: [10, 20],
    };
    const packed = packSequences([sequence, other]);
    expect([...packed.starts]).toEqual([0, 5, 7]);
    expect([...packed.ratings]).toEqual([3, 3, 3, 1, 3, 4, 3]);
    expect([...packed.deltas]).toEqual([0, 0, 2, 5, 0, 0, 7]);
    expect([...packed.times]).toEqual([1, 2, 3, 4, 5, 10, 20]);
    expect([...packed.train]).toEqual([0, 0, 1, 1, 1, 0, 1]);
    expect([...packed.scored]).toEqual([0, 0, 1, 1, 0, 0, 1]);
  });
});
