/** Automatic checks for typed and chosen answers; pure, used by the card page and later by review. */

/** Reads a typed number: accepts "0,25" (Russian decimal comma), "1e-3", spaces as thousands separators. */
export function parseNumberInput(input: string): number | null {
  const cleaned = input
    .trim()
    .replace(/[\s\u00a0]/g, "")
    .replace(",", ".")
    .replace(/^−/, "-");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

export function isWithinTolerance(value: number, answer: number, tolerance: number): boolean {
  // A tiny epsilon so that an answer exactly on the boundary is not lost to float rounding.
  return Math.abs(value - answer) <= tolerance * (1 + 1e-9);
}

/** An MCQ answer is right when the chosen set equals the correct set exactly. */
export function isMcqCorrect(correct: boolean[], chosen: ReadonlySet<number>): boolean {
  return correct.every((isCorrect, index) => isCorrect === chosen.has(index));
}
