import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import {
  CUSTOM_SESSION_LIMIT,
  customQueue,
  customStudyParams,
  parseCustomStudy,
  type CustomCandidate,
  type CustomStudy,
} from "@/lib/srs/custom-study";

const now = new Date("2026-03-10T12:00:00Z");
const nextDayStart = new Date("2026-03-11T04:00:00Z");
const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);
const none = new Set<string>();

const card = (cardId: string, over: Partial<CustomCandidate> = {}): CustomCandidate => ({
  cardId,
  state: 2,
  due: hours(24 * 10),
  retrievability: 0.9,
  order: 0,
  ...over,
});
const ids = (study: CustomStudy, cards: CustomCandidate[], exclude = none, first?: string) =>
  customQueue(study, cards, { now, nextDayStart, exclude, ...(first ? { first } : {}) }).map((e) => e.cardId);

describe("parseCustomStudy", () => {
  const parse = (query: string) => parseCustomStudy(new URLSearchParams(query));

  it("means the normal queue without a mode", () => {
    expect(parse("")).toBeNull();
    expect(parse("mode=due")).toBeNull();
  });

  it("reads each mode with its options and defaults", () => {
    expect(parse("mode=cram&topic=losses")).toEqual({ mode: "cram", topic: "losses", reschedule: false });
    expect(parse("mode=cram&tag=relu&reschedule=1")).toEqual({ mode: "cram", tag: "relu", reschedule: true });
    expect(parse("mode=ahead")).toEqual({ mode: "ahead", days: 3 });
    expect(parse("mode=ahead&days=7")).toEqual({ mode: "ahead", days: 7 });
    expect(parse("mode=forgotten")).toEqual({ mode: "forgotten" });
  });

  it("refuses unknown modes, out-of-range days and a cram without exactly one subject", () => {
    for (const bad of [
      "mode=all",
      "mode=ahead&days=0",
      "mode=ahead&days=31",
      "mode=ahead&days=2.5",
      "mode=ahead&days=x",
      "mode=cram",
      "mode=cram&topic=a&tag=b",
    ]) {
      expect(() => parse(bad), bad).toThrow(ZodError);
    }
  });

  it("round-trips through customStudyParams", () => {
    const sessions: CustomStudy[] = [
      { mode: "cram", topic: "losses", reschedule: true },
      { mode: "cram", tag: "relu", reschedule: false },
      { mode: "ahead", days: 5 },
      { mode: "forgotten" },
    ];
    for (const s of sessions) expect(parseCustomStudy(customStudyParams(s))).toEqual(s);
  });
});

describe("customQueue", () => {
  it("crams studied cards weakest first, then unseen cards in content order", () => {
    const cards = [
      card("strong", { retrievability: 0.95, order: 0 }),
      card("new-late", { state: null, due: null, retrievability: 0, order: 5 }),
      card("weak", { retrievability: 0.4, order: 1 }),
      card("new-early", { state: 0, retrievability: 0, order: 2 }),
      card("learning", { state: 1, retrievability: 0.7, order: 3 }),
    ];
    const queue = customQueue({ mode: "cram", topic: "t", reschedule: false }, cards, {
      now,
      nextDayStart,
      exclude: none,
    });
    expect(queue).toEqual([
      { cardId: "weak", kind: "review" },
      { cardId: "learning", kind: "learning" },
      { cardId: "strong", kind: "review" },
      { cardId: "new-early", kind: "new" },
      { cardId: "new-late", kind: "new" },
    ]);
  });

  it("studies ahead: studied cards due before the horizon, earliest first, never new ones", () => {
    const cards = [
      card("in-two-days", { due: new Date("2026-03-12T10:00:00Z") }),
      card("today", { due: hours(2) }),
      card("beyond", { due: new Date("2026-03-14T03:00:00Z") }),
      card("new", { state: null, due: null }),
      card("relearning", { state: 3, due: hours(1) }),
    ];
    // days = 2: due before 2026-03-13T04:00Z (two study days after today); days = 3: before 03-14T04:00Z.
    expect(ids({ mode: "ahead", days: 2 }, cards)).toEqual(["relearning", "today", "in-two-days"]);
    expect(ids({ mode: "ahead", days: 3 }, cards)).toEqual(["relearning", "today", "in-two-days", "beyond"]);
  });

  it("reviews forgotten cards in the order they were failed", () => {
    const cards = [
      card("later", { failedAt: hours(-1) }),
      card("not-failed"),
      card("earlier", { failedAt: hours(-3), state: 3 }),
    ];
    expect(ids({ mode: "forgotten" }, cards)).toEqual(["earlier", "later"]);
  });

  it("leaves out the cards done this session and puts an undone card first", () => {
    const cards = ["a", "b", "c", "d"].map((id, order) =>
      card(id, { retrievability: 0.5 + order / 10, order }),
    );
    const cram: CustomStudy = { mode: "cram", topic: "t", reschedule: true };
    expect(ids(cram, cards, new Set(["a", "c"]))).toEqual(["b", "d"]);
    expect(ids(cram, cards, none, "c")).toEqual(["c", "a", "b", "d"]);
    // A `first` that is not in the session changes nothing.
    expect(ids(cram, cards, new Set(["c"]), "c")).toEqual(["a", "b", "d"]);
  });

  it("caps a session", () => {
    const many = Array.from({ length: CUSTOM_SESSION_LIMIT + 50 }, (_, i) => card(`c${i}`, { order: i }));
    expect(ids({ mode: "cram", tag: "x", reschedule: false }, many)).toHaveLength(CUSTOM_SESSION_LIMIT);
  });
});
