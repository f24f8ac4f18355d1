import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedContent } from "@/lib/content/seed";
import { listTopics } from "@/lib/repo/deck";
import { statsScope } from "@/lib/repo/stats";
import { studyScope } from "@/lib/repo/study";
import { gradeCard } from "@/lib/review/grade-card";
import { ratings, states, type RatingValue } from "@/lib/srs/scheduler";
import {
  buildStats,
  groupReviews,
  rangeStart,
  retentionRate,
  statsRange,
  type ReviewGroup,
} from "@/lib/stats";
import { writeDeck } from "../../fixtures/content-deck";
import { migratedDatabase, testDbKind, type TestDatabase } from "../../fixtures/test-db";
import { createTestUser } from "../../fixtures/users";

let t: TestDatabase;
beforeAll(async () => {
  t = await migratedDatabase();
  await seedContent(t.db, writeDeck(), new Date("2026-01-01T00:00:00Z"));
});
afterAll(async () => t.close());

const MINUTE = 60_000;
/** 12:00 in Moscow on 1 February; the users' study day starts at 04:00 Moscow time. */
const t0 = new Date("2026-02-01T09:00:00Z");
/** 01:30 Moscow on 2 February: still 1 February's study day. */
const lateNight = new Date("2026-02-01T22:30:00Z");
const day5 = new Date("2026-02-05T09:00:00Z");
const now = new Date("2026-02-05T12:00:00Z");

async function grade(userId: string, cardId: string, rating: RatingValue, at: Date, durationMs: number) {
  const stored = await studyScope(t.db, userId).memory(cardId);
  return gradeCard({
    db: t.db,
    userId,
    cardId,
    rating,
    clientId: randomUUID(),
    expectedVersion: stored?.version ?? 0,
    durationMs,
    now: at,
  });
}

async function newUser() {
  const user = await createTestUser(t.db);
  const study = studyScope(t.db, user.userId);
  await study.updateSettings({ ...(await study.settings()), timeZone: "Europe/Moscow", dayStartHour: 4 });
  return user.userId;
}

async function statsOf(userId: string) {
  const study = studyScope(t.db, userId);
  const repo = statsScope(t.db, userId);
  const settings = await study.settings();
  const range = statsRange({ now, timeZone: settings.timeZone, dayStartHour: settings.dayStartHour });
  const [reviews, cards, topics, pausedTopics] = await Promise.all([
    repo.reviewGroupsSince(rangeStart(range)),
    repo.cards(),
    listTopics(t.db, "en"),
    study.pausedTopics(),
  ]);
  return {
    reviews,
    stats: buildStats({ now, range, settings, period: "day", reviews, cards, topics, pausedTopics }),
  };
}

const sortGroups = (groups: ReviewGroup[]) =>
  groups.map((g) => `${g.at.toISOString()} ${g.kind} ${g.count} ${g.durationMs}`).sort();

describe(`statistics on ${testDbKind}`, () => {
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    alice = await newUser();
    bob = await newUser();
    await grade(alice, "relu-definition", ratings.good, t0, 4_000);
    await grade(alice, "relu-definition", ratings.good, new Date(t0.getTime() + 10 * MINUTE), 4_000);
    await grade(alice, "zero-centred-mcq", ratings.good, lateNight, 4_000);
    const relu = await studyScope(t.db, alice).memory("relu-definition");
    expect(relu?.memory.state).toBe(states.review); // graduated after its two learning steps
    await grade(alice, "relu-definition", ratings.again, day5, 4_000);
    // Two reviews of a mature card (interval 30 days), written as a long-time user's logs would be.
    for (const rating of [ratings.good, ratings.again]) {
      await t.db.reviewLog.create({
        data: {
          id: randomUUID(),
          clientId: randomUUID(),
          userId: alice,
          cardId: "sigmoid-derivative-at-zero",
          rating,
          state: states.review,
          due: day5,
          stability: 30,
          difficulty: 5,
          elapsedDays: 30,
          lastElapsedDays: 30,
          scheduledDays: 30,
          learningSteps: 0,
          reviewedAt: new Date(day5.getTime() + 60 * MINUTE),
          durationMs: 5_000,
        },
      });
    }
    // Bob studies the same deck on the same days; none of it may show in Alice's figures.
    await grade(bob, "sigmoid-derivative-cloze", ratings.good, t0, 9_000);
    await grade(bob, "sigmoid-derivative-cloze", ratings.good, new Date(t0.getTime() + 10 * MINUTE), 9_000);
    await grade(bob, "sigmoid-derivative-cloze", ratings.easy, day5, 9_000);
  });

  it("groups reviews in SQL exactly as the JS rule groups the raw logs", async () => {
    const { reviews } = await statsOf(alice);
    const logs = await t.db.reviewLog.findMany({ where: { userId: alice } });
    expect(logs).toHaveLength(6);
    expect(sortGroups(reviews)).toEqual(sortGroups(groupReviews(logs)));
  });

  it("counts the reviews per study day, the 01:30 review on the evening's day", async () => {
    const { stats } = await statsOf(alice);
    const count = (day: string) => stats.calendar.days.find((d) => d.day === day)?.count;
    expect(count("2026-02-01")).toBe(3);
    expect(count("2026-02-02")).toBe(0);
    expect(count("2026-02-05")).toBe(3);
    expect(stats.calendar).toMatchObject({ total: 6, activeDays: 2, today: 3, streak: 1 });
  });

  it("gives true retention of young and mature reviews", async () => {
    const { stats } = await statsOf(alice);
    const today = stats.retention.buckets.at(-1)!;
    expect(today.start).toBe("2026-02-05");
    expect(today.young).toEqual({ passed: 0, failed: 1 });
    expect(today.mature).toEqual({ passed: 1, failed: 1 });
    expect(retentionRate(stats.retention.total)).toBeCloseTo(1 / 3, 12);
  });

  it("sums review time per study day", async () => {
    const { stats } = await statsOf(alice);
    expect(stats.time.days.find((d) => d.day === "2026-02-01")).toMatchObject({ ms: 12_000, reviews: 3 });
    expect(stats.time.days.at(-1)).toMatchObject({ day: "2026-02-05", ms: 14_000, reviews: 3 });
    expect(stats.time).toMatchObject({ totalMs: 26_000, reviews: 6 });
  });

  it("counts cards by state and forecasts what is due", async () => {
    const { stats } = await statsOf(alice);
    expect(stats.counts).toMatchObject({ total: 4, new: 2, learning: 1, review: 0, relearning: 1 });
    // The lapsed card (relearning, due in minutes) and the overdue learning card are both today's.
    expect(stats.forecast[0]).toEqual({ day: "2026-02-05", learning: 2, review: 0 });
    expect(stats.forecast.slice(1).every((d) => d.learning + d.review === 0)).toBe(true);
  });

  it("reports mastery and coverage of the studied topic", async () => {
    const { stats } = await statsOf(alice);
    const topic = stats.mastery.topics.find((x) => x.id === "activations")!;
    expect(topic).toMatchObject({ cards: 4, studied: 2, coverage: 0.5 });
    expect(topic.mastery).toBeGreaterThan(0);
    expect(topic.mastery).toBeLessThanOrEqual(topic.coverage);
    expect(stats.mastery.weakest).toBe("activations");
  });

  it("keeps users apart: Bob sees only his own reviews and cards", async () => {
    const { stats } = await statsOf(bob);
    expect(stats.calendar).toMatchObject({ total: 3, today: 1 });
    expect(stats.time.totalMs).toBe(27_000);
    expect(stats.counts).toMatchObject({ review: 1, learning: 0, relearning: 0 });
    expect(stats.retention.total).toEqual({ passed: 1, failed: 0 });
  });

  it("shows a new user nothing but the deck", async () => {
    const carol = await newUser();
    const { stats } = await statsOf(carol);
    expect(await statsScope(t.db, carol).hasReviews()).toBe(false);
    expect(await statsScope(t.db, alice).hasReviews()).toBe(true);
    expect(stats.calendar.total).toBe(0);
    expect(stats.counts).toMatchObject({ total: 4, new: 4 });
    expect(stats.mastery.weakest).toBeNull();
  });

  it("leaves a paused topic's cards out of the forecast but not out of the counts", async () => {
    await studyScope(t.db, alice).setTopicPaused("activations", true);
    const { stats } = await statsOf(alice);
    expect(stats.forecast[0]).toMatchObject({ learning: 0, review: 0 });
    expect(stats.counts.learning + stats.counts.relearning).toBe(2);
    await studyScope(t.db, alice).setTopicPaused("activations", false);
  });
});
