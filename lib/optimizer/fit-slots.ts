import { MAX_CONCURRENT_FITS } from "@/lib/limits";

/**
 * At most MAX_CONCURRENT_FITS fit workers per process: each is a thread using a core for
 * seconds, and on a small server a handful at once would starve request handling. Later
 * jobs wait their turn in arrival order (their status stays "queued", which the settings
 * page shows) rather than being refused. Per process, on globalThis so a dev reload keeps it.
 */
type Slots = { running: number; waiting: (() => void)[] };

const holder = globalThis as unknown as { gradusFitSlots?: Slots };
const slots = (holder.gradusFitSlots ??= { running: 0, waiting: [] });

/** Waits for a free slot; call the returned function once to give it back. */
export async function acquireFitSlot(signal?: AbortSignal, limit = MAX_CONCURRENT_FITS): Promise<() => void> {
  if (slots.running >= limit) {
    await new Promise<void>((resolve, reject) => {
      const turn = () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      };
      const onAbort = () => {
        slots.waiting = slots.waiting.filter((w) => w !== turn);
        reject(new Error("fit slot: aborted while queued"));
      };
      slots.waiting.push(turn);
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  } else {
    slots.running++;
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const next = slots.waiting.shift();
    // The slot passes straight to the next waiter, so `running` counts it still.
    if (next) next();
    else slots.running--;
  };
}

/** Fits running and waiting in this process (for status and tests). */
export function fitSlotUsage(): { running: number; waiting: number } {
  return { running: slots.running, waiting: slots.waiting.length };
}
