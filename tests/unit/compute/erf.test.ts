import { describe, expect, it } from "vitest";
import { erf, erfc, normalCdf, normalPdf } from "@/lib/compute/erf";

// Reference values to 16 digits from Abramowitz & Stegun table 7.1 / Wolfram Alpha.
const reference: [number, number][] = [
  [0.1, 0.1124629160182849],
  [0.5, 0.5204998778130465],
  [1, 0.8427007929497149],
  [1.5, 0.9661051464753108],
  [2, 0.9953222650189527],
  [2.6, 0.9997639655834707],
  [3, 0.9999779095030014],
];

describe("erf", () => {
  it.each(reference)("erf(%d) is within 1e-12 of the reference value", (x, value) => {
    expect(Math.abs(erf(x) - value)).toBeLessThan(1e-12);
  });

  it("is odd and saturates at ±1", () => {
    for (const x of [0.3, 1.7, 4]) expect(erf(-x)).toBe(-erf(x));
    expect(erf(0)).toBe(0);
    expect(erf(40)).toBe(1);
  });

  it("keeps relative accuracy in the far tail through erfc", () => {
    // erfc(5) = 1.5374597944280348e-12, erfc(3) = 2.209049699858544e-5
    expect(Math.abs(erfc(5) / 1.5374597944280348e-12 - 1)).toBeLessThan(1e-10);
    expect(Math.abs(erfc(3) / 2.209049699858544e-5 - 1)).toBeLessThan(1e-12);
  });
});

describe("the normal distribution", () => {
  it("Φ(±1) and φ(0) match their published values", () => {
    expect(Math.abs(normalCdf(1) - 0.8413447460685429)).toBeLessThan(1e-14);
    expect(Math.abs(normalCdf(-1) - 0.15865525393145707)).toBeLessThan(1e-14);
    expect(Math.abs(normalCdf(-6) - 9.865876450376946e-10) / 9.865876450376946e-10).toBeLessThan(1e-9);
    expect(normalPdf(0)).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 15);
  });
});
