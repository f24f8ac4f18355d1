import { describe, expect, it } from "vitest";
import { ConcurrencyGate } from "@/lib/auth/concurrency-gate";

describe("a gate with a limit of two", () => {
  it("lets two in per key and refuses the third until one leaves", () => {
    const gate = new ConcurrencyGate(2);
    const first = gate.tryEnter("a");
    const second = gate.tryEnter("a");
    expect(first && second).toBeTruthy();
    expect(gate.tryEnter("a")).toBeNull();
    expect(gate.tryEnter("b")).not.toBeNull();
    first?.();
    expect(gate.tryEnter("a")).not.toBeNull();
  });

  it("counts a release called twice once", () => {
    const gate = new ConcurrencyGate(2);
    const release = gate.tryEnter("a");
    gate.tryEnter("a");
    release?.();
    release?.();
    expect(gate.running("a")).toBe(1);
  });
});
