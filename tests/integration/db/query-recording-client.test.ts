import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, dialectOf, type QueryEvent } from "@/lib/db/client";
import { mostOverdueReviews } from "@/lib/repo/review-head";
import { migrateDatabase } from "@/lib/db/migrate";
import { emptyDatabase, testDbKind, type EmptyDatabase } from "../../fixtures/test-db";
import { createTestUser } from "../../fixtures/users";

// bench:queue's query-plan helper records every statement of one queue build. It used to make
// its own PrismaClient, which dialectOf did not know, so the queue's raw SQL threw
// "dialectOf: this client was not made by createDb" and the bench crashed.
describe(`a client made by createDb to record its SQL, on ${testDbKind}`, () => {
  let target: EmptyDatabase;
  beforeAll(async () => {
    target = await emptyDatabase();
    await migrateDatabase(target.url);
  });
  afterAll(async () => target.drop());

  it("regression: runs the queue's dialect-specific raw SQL (bench:queue crashed in dialectOf) and records it", async () => {
    const recorded: QueryEvent[] = [];
    const db = createDb(target.url, { onQuery: (e) => recorded.push(e) });
    try {
      expect(dialectOf(db)).toBe(testDbKind);
      const user = await createTestUser(db);
      const now = new Date("2026-02-01T10:00:00Z");
      const reviews = await mostOverdueReviews(db, user.userId, {
        now,
        nextDayStart: new Date("2026-02-02T04:00:00Z"),
        pausedTags: ["paused-tag"],
        take: 5,
      });
      expect(reviews).toEqual({ head: [], total: 0 });
      const head = recorded.find((e) => e.query.includes("COUNT(*) OVER ()"));
      expect(head?.query).toContain(testDbKind === "postgresql" ? "EXTRACT(EPOCH" : "julianday(");
      expect(JSON.parse(head!.params)).toContain(user.userId);
    } finally {
      await db.$disconnect();
    }
  });
});
