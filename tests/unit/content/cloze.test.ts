import { describe, expect, it } from "vitest";
import { clozeVariants, findBlanks } from "@/lib/content/cloze";

describe("findBlanks", () => {
  it("reads numbered blanks with optional hints", () => {
    expect(findBlanks("a {{c1::one}} b {{c2::two::hint}}").map(({ number, text, hint }) => ({ number, text, hint }))).toEqual([
      { number: 1, text: "one", hint: null },
      { number: 2, text: "two", hint: "hint" },
    ]);
  });

  it("keeps TeX braces inside a blank (regression: a blank ending in } used to be cut short)", () => {
    const [blank] = findBlanks("$\\hat m = {{c1::\\frac{m_t}{1-\\beta_1^t}}}$");
    expect(blank?.text).toBe("\\frac{m_t}{1-\\beta_1^t}");
  });
});

describe("clozeVariants", () => {
  it("hides text blanks as [hint] and shows them in bold", () => {
    expect(clozeVariants("ReLU is {{c1::max(0, x)::a formula}}.")).toEqual({
      front: "ReLU is **[a formula]**.",
      back: "ReLU is **max(0, x)**.",
    });
  });

  it("boxes blanks inside math so the formula still typesets", () => {
    const { front, back } = clozeVariants("$y = {{c1::\\sigma(z)}}$ and $$\n{{c2::x}}\n$$");
    expect(front).toBe("$y = \\boxed{\\,?\\,}$ and $$\n\\boxed{\\,?\\,}\n$$");
    expect(back).toBe("$y = \\boxed{\\sigma(z)}$ and $$\n\\boxed{x}\n$$");
  });
});
