import { describe, expect, it } from "vitest";
import { accountExportSchema, CLOCK_SKEW_MS } from "@/lib/account/export-format";
import { defaultStudySettings } from "@/lib/srs/study-settings";
import { DIFFICULTY_RANGE, INT32_MAX, snapshotOf, STABILITY_RANGE } from "@/lib/srs/memory-schema";
import { createScheduler, ratings } from "@/lib/srs/scheduler";

const exportedAt = new Date("2026-03-01T12:00:00.000Z");
const scheduler = createScheduler(defaultStudySettings);
const t0 = new Date("2026-02-01T09:00:00.000Z");
const first = scheduler.grade(scheduler.newCard(t0), ratings.good, t0);
const t1 = new Date("2026-02-02T09:00:00.000Z");
const second = scheduler.grade(first.card, ratings.good, t1);

/** A valid export as JSON (what an upload carries), built from real scheduler output. */
function validExport() {
  const log = (clientId: string, l: typeof first.log, previous: string | null) => ({
    clientId,
    cardId: "relu-definition",
    ...l,
    durationMs: 4000,
    previous,
  });
  return JSON.parse(
    JSON.stringify({
      format: "gradus-account",
      version: 1,
      exportedAt,
      preferences: { locale: "en", theme: "system" },
      study: defaultStudySettings,
      topics: [{ topicId: "activations", paused: false }],
      pausedTags: [],
      cardStates: [
        {
          cardId: "relu-definition",
          ...second.card,
          suspended: false,
          buriedUntil: null,
          flagged: false,
          version: 2,
        },
      ],
      reviewLogs: [log("a", first.log, null), log("b", second.log, snapshotOf(first.card))],
    }),
  ) as {
    exportedAt: string;
    topics: Record<string, unknown>[];
    cardStates: Record<string, unknown>[];
    reviewLogs: Record<string, unknown>[];
  };
}

function issuesOf(data: unknown): string[] {
  const result = accountExportSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("an account export", () => {
  it("made by the app itself is accepted, its snapshots kept to the memory columns", () => {
    const parsed = accountExportSchema.parse(validExport());
    expect(parsed.cardStates[0]!.due).toEqual(second.card.due);
    expect(parsed.reviewLogs[1]!.previous).toBe(snapshotOf(first.card));
  });

  it.each([
    ["cardStates", "cardId"],
    ["topics", "topicId"],
    ["reviewLogs", "clientId"],
  ] as const)("with a duplicate %s %s is refused, naming both places", (list, field) => {
    const data = validExport();
    const items = data[list];
    items.push({ ...items[0]! });
    const issues = issuesOf(data);
    expect(issues).toContainEqual(expect.stringContaining(`${list}.${items.length - 1}.${field}: duplicate`));
    expect(issues.join("\n")).toContain(`also at ${list}[0]`);
  });

  it.each([
    ["stability 0 on a studied card", { stability: 0 }, "cardStates.0.stability"],
    ["negative stability", { stability: -1 }, "cardStates.0.stability"],
    ["stability above FSRS's maximum", { stability: STABILITY_RANGE.max * 2 }, "cardStates.0.stability"],
    ["difficulty above FSRS's range", { difficulty: DIFFICULTY_RANGE.max + 1 }, "cardStates.0.difficulty"],
    ["difficulty 0 on a studied card", { difficulty: 0 }, "cardStates.0.difficulty"],
    ["a version that overflows on the next grade", { version: INT32_MAX }, "cardStates.0.version"],
    ["version 0 on a stored state (could never be graded again)", { version: 0 }, "cardStates.0.version"],
    ["a lapse count beyond 32 bits", { lapses: 2 ** 40 }, "cardStates.0.lapses"],
    ["fractional reps", { reps: 1.5 }, "cardStates.0.reps"],
    ["a studied card without a last review", { lastReview: null }, "cardStates.0.lastReview"],
    ["an unknown state", { state: 7 }, "cardStates.0.state"],
    ["an extra column", { userId: "someone-else" }, "cardStates.0"],
  ])("with %s in a card state is refused", (_name, change, path) => {
    const data = validExport();
    Object.assign(data.cardStates[0]!, change);
    expect(issuesOf(data).map((i) => i.split(":")[0])).toContain(path);
  });

  it("accepts a new (reset) card with zero stability and difficulty", () => {
    const data = validExport();
    Object.assign(data.cardStates[0]!, { state: 0, stability: 0, difficulty: 0, lastReview: null, reps: 0 });
    expect(issuesOf(data)).toEqual([]);
  });

  it("refuses reviews after the export was made, and an export dated after the server's clock", () => {
    const data = validExport();
    data.reviewLogs[1]!.reviewedAt = new Date(exportedAt.getTime() + 60_000).toISOString();
    expect(issuesOf(data)).toContainEqual(expect.stringContaining("reviewLogs.1.reviewedAt: "));

    const future = validExport();
    future.exportedAt = new Date(Date.now() + 2 * CLOCK_SKEW_MS).toISOString();
    expect(issuesOf(future)).toContainEqual(expect.stringContaining("exportedAt: "));
  });

  it("refuses a `previous` that is not a memory, or carries relation writes", () => {
    for (const previous of [
      "not json",
      JSON.stringify({ ...JSON.parse(snapshotOf(first.card)), card: { update: { frontEn: "x" } } }),
      JSON.stringify({ ...JSON.parse(snapshotOf(first.card)), stability: "NaN" }),
    ]) {
      const data = validExport();
      data.reviewLogs[1]!.previous = previous;
      expect(issuesOf(data).map((i) => i.split(":")[0])).toContain("reviewLogs.1.previous");
    }
  });

  it("refuses a date that is not a real date", () => {
    const data = validExport();
    data.cardStates[0]!.due = "2026-02-30T25:00:00Z";
    expect(issuesOf(data).map((i) => i.split(":")[0])).toContain("cardStates.0.due");
  });
});
