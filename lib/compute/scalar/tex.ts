/**
 * Small TeX building blocks for trace(): a piece of TeX with its precedence,
 * so operands are parenthesised only where the maths needs it, number
 * formatting, and label → symbol ("w1" → w_{1}). Everything produced here is
 * plain KaTeX without custom macros.
 */

/** Binding strength: a + b < −a < a·b < a^b < atoms (symbols, f(x), \frac{}{}, (…)). */
export const Prec = { add: 1, neg: 2, mul: 3, pow: 4, atom: 5 } as const;

export type Tex = {
  text: string;
  prec: number;
  /** Set when this is −x: a + (−x) is then written a − x. */
  negated?: Tex;
  /** Set when this is 1/x: a · (1/x) is then written \frac{a}{x}. */
  reciprocalOf?: Tex;
  /** The literal −1 that neg() multiplies by: x · (−1) is written −x. */
  minusOne?: boolean;
};

export const atom = (text: string): Tex => ({ text, prec: Prec.atom });

/** Parenthesises t when it binds more loosely than `min` requires. */
export function wrap(t: Tex, min: number): string {
  return t.prec < min ? `(${t.text})` : t.text;
}

/** Wrapped for use as ∂(·): \partial w_{1}, \partial (w \cdot x), \partial (\frac{a}{b}). */
export function partial(t: Tex): string {
  const bare = t.prec === Prec.atom && !/\\(frac|sqrt)/.test(t.text);
  return `\\partial ${bare ? t.text : `(${t.text})`}`;
}

/** Rounds to `digits` significant figures: 0.8 → "0.8", 1e-7 → "1 \times 10^{-7}". */
export function formatNumber(x: number, digits: number): string {
  if (x === 0) return "0";
  const ax = Math.abs(x);
  if (ax >= 1e-4 && ax < 1e6) return String(Number(x.toPrecision(digits)));
  const [mantissa, exponent] = x.toExponential(digits - 1).split("e");
  return `${Number(mantissa)} \\times 10^{${Number(exponent)}}`;
}

/** A number as an operand: negative numbers bind like −x, scientific notation like a product. */
export function numberTex(x: number, digits: number): Tex {
  const text = formatNumber(x, digits);
  const prec = x < 0 ? Prec.neg : text.includes("\\times") ? Prec.mul : Prec.atom;
  return { text, prec };
}

/** "=" when the shown figures are the value (up to float noise), "\approx" when they were rounded. */
export function equalsSign(x: number, digits: number): string {
  const shown = Number(x.toPrecision(digits));
  return Math.abs(shown - x) <= 1e-9 * Math.abs(x) ? "=" : "\\approx";
}

const GREEK = new Set(
  (
    "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi pi rho sigma tau upsilon phi chi psi omega " +
    "Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega"
  ).split(" "),
);

function letters(name: string): string {
  if (GREEK.has(name)) return `\\${name}`;
  return name.length === 1 ? name : `\\mathrm{${name}}`;
}

/**
 * A TeX symbol for labels that look like one: "w1" → w_{1}, "x_2" → x_{2},
 * "sigma" → \sigma, "loss" → \mathrm{loss}. Free text ("weighted sum") has no
 * symbol: trace() then writes the node as its expression instead.
 */
export function labelToTex(label: string): string | undefined {
  const match = /^([A-Za-z]+?)(?:_?(\d+)|_([A-Za-z0-9]+))?$/.exec(label);
  if (!match) return undefined;
  const [, base, digits, word] = match;
  const sub = digits ?? (word === undefined ? undefined : GREEK.has(word) ? `\\${word}` : word);
  return sub === undefined ? letters(base!) : `${letters(base!)}_{${sub}}`;
}
