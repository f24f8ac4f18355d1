import { describe, expect, it } from "vitest";
import { planSync } from "@/lib/content/plan-sync";

const row = (id: string, contentHash: string, retiredAt: Date | null = null) => ({ id, contentHash, retiredAt });

describe("planSync", () => {
  it("adds new ids, updates changed hashes, retires missing ids and leaves the rest", () => {
    const plan = planSync(
      [row("same", "h1"), row("changed", "h2"), row("gone", "h3")],
      [
        { id: "same", contentHash: "h1" },
        { id: "changed", contentHash: "h2b" },
        { id: "new", contentHash: "h4" },
      ],
    );
    expect(plan).toEqual({ add: ["new"], update: ["changed"], retire: ["gone"], unchanged: ["same"] });
  });

  it("revives a retired card whose file came back, and does not retire it twice", () => {
    const retired = new Date("2026-01-01");
    expect(planSync([row("back", "h", retired), row("still-gone", "h", retired)], [{ id: "back", contentHash: "h" }])).toEqual({
      add: [],
      update: ["back"],
      retire: [],
      unchanged: [],
    });
  });
});
