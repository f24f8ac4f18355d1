import { describe, expect, it } from "vitest";
import { states } from "@/lib/srs/scheduler";
import { stateCounts } from "@/lib/stats";

const now = new Date("2026-05-13T12:00:00Z");
const row = (state: number, over: { suspended?: boolean; buriedUntil?: Date | null } = {}) => ({
  state,
  suspended: false,
  buriedUntil: null,
  ...over,
});

describe("stateCounts", () => {
  it("counts live cards without a state row, and cards reset to state 0, as new", () => {
    const counts = stateCounts(10, [row(states.learning), row(states.review), row(states.new)], now);
    expect(counts).toMatchObject({ total: 10, new: 8, learning: 1, review: 1, relearning: 0 });
  });

  it("splits the states so they add up to the live cards", () => {
    const counts = stateCounts(
      6,
      [row(states.learning), row(states.review), row(states.review), row(states.relearning)],
      now,
    );
    expect(counts.new + counts.learning + counts.review + counts.relearning).toBe(counts.total);
    expect(counts).toMatchObject({ new: 2, learning: 1, review: 2, relearning: 1 });
  });

  it("counts suspended cards, and buried ones only while buried and not suspended", () => {
    const counts = stateCounts(
      5,
      [
        row(states.review, { suspended: true }),
        row(states.review, { suspended: true, buriedUntil: new Date("2026-05-14T00:00:00Z") }),
        row(states.review, { buriedUntil: new Date("2026-05-14T00:00:00Z") }),
        row(states.review, { buriedUntil: new Date("2026-05-12T00:00:00Z") }),
      ],
      now,
    );
    expect(counts).toMatchObject({ suspended: 2, buried: 1, review: 4 });
  });
});
