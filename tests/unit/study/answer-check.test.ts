import { describe, expect, it } from "vitest";
import { isMcqCorrect, isWithinTolerance, parseNumberInput } from "@/lib/study/answer-check";

describe("parseNumberInput", () => {
  it.each([
    ["0.25", 0.25],
    ["0,25", 0.25],
    [" -1.5 ", -1.5],
    ["−2", -2],
    ["1e-3", 0.001],
    ["100 480", 100480],
    [".5", 0.5],
  ])("reads %j as %d", (input, expected) => {
    expect(parseNumberInput(input)).toBe(expected);
  });

  it.each(["", "abc", "1.2.3", "1,2,3", "0x10", "Infinity", "1e400"])("refuses %j", (input) => {
    expect(parseNumberInput(input)).toBeNull();
  });
});

describe("isWithinTolerance", () => {
  it("accepts answers within the tolerance, including exactly on its edge", () => {
    expect(isWithinTolerance(0.251, 0.25, 0.001)).toBe(true);
    expect(isWithinTolerance(0.1 + 0.2, 0.4, 0.1)).toBe(true);
    expect(isWithinTolerance(0.252, 0.25, 0.001)).toBe(false);
  });
});

describe("isMcqCorrect", () => {
  it("needs exactly the correct set: no missing and no extra choice", () => {
    const correct = [true, false, true];
    expect(isMcqCorrect(correct, new Set([0, 2]))).toBe(true);
    expect(isMcqCorrect(correct, new Set([0]))).toBe(false);
    expect(isMcqCorrect(correct, new Set([0, 1, 2]))).toBe(false);
  });
});
