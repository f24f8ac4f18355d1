import { describe, expect, it } from "vitest";
import { acquireFitSlot, fitSlotUsage } from "@/lib/optimizer/fit-slots";

const settled = async (promise: Promise<unknown>) => {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((r) => setTimeout(r, 10));
  return done;
};

describe("fit worker slots when all are taken", () => {
  it("makes the next fit wait until a slot is given back, in arrival order", async () => {
    const a = await acquireFitSlot(undefined, 2);
    const b = await acquireFitSlot(undefined, 2);
    const c = acquireFitSlot(undefined, 2);
    const d = acquireFitSlot(undefined, 2);
    expect(await settled(c)).toBe(false);
    expect(fitSlotUsage()).toEqual({ running: 2, waiting: 2 });
    a();
    a(); // giving a slot back twice frees it once
    expect(await settled(c)).toBe(true);
    expect(await settled(d)).toBe(false);
    b();
    (await c)();
    (await d)();
    expect(fitSlotUsage()).toEqual({ running: 0, waiting: 0 });
  });

  it("drops a waiting fit whose job was aborted without taking a slot", async () => {
    const a = await acquireFitSlot(undefined, 1);
    const abort = new AbortController();
    const waiting = acquireFitSlot(abort.signal, 1);
    abort.abort();
    await expect(waiting).rejects.toThrow(/aborted/);
    expect(fitSlotUsage()).toEqual({ running: 1, waiting: 0 });
    a();
    expect(fitSlotUsage()).toEqual({ running: 0, waiting: 0 });
  });
});
