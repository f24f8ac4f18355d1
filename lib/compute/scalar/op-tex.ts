import { ComputeError } from "../errors";
import { atom, formatNumber, Prec, wrap, type Tex } from "./tex";
import type { ValueOp } from "./value";

/**
 * How each primitive is written in TeX: its forward expression and its local
 * derivative ∂out/∂input for one input slot. Each rule is called twice, once
 * with symbols (w, x, z) and once with numbers (0.8, 1.5, 1), so a trace row
 * reads "z = w \cdot x + b = 0.8 \cdot 1.5 + (-0.2) = 1". The numbers of the
 * local derivative come from the engine itself (Value.localDerivatives), not
 * from here: this file only decides how they are written.
 */
export type OpTexContext = {
  /** The inputs as TeX, in slot order. */
  args: Tex[];
  /** The node's own output as TeX (its symbol, or its value in the numeric pass). */
  out: Tex;
  /** The exponent of pow, α of leaky-relu and elu. */
  param: number | undefined;
  digits: number;
};

type OpTexRule = {
  expr(c: OpTexContext): Tex;
  local(c: OpTexContext, slot: number): Tex;
};

const indicator = (a: Tex, relation: string): string => `\\mathbf{1}[${a.text} ${relation} 0]`;
const call = (name: string, a: Tex): Tex => atom(`${name}(${a.text})`);
const param = (c: OpTexContext): string => formatNumber(c.param ?? NaN, c.digits);

const rules: Record<Exclude<ValueOp, "leaf">, OpTexRule> = {
  add: {
    expr: ({ args: [a, b] }) =>
      b!.negated
        ? { text: `${a!.text} - ${wrap(b!.negated, Prec.mul)}`, prec: Prec.add }
        : { text: `${a!.text} + ${wrap(b!, Prec.mul)}`, prec: Prec.add },
    local: () => atom("1"),
  },
  mul: {
    expr: ({ args: [a, b] }) => {
      // x · (−1) is how neg() is built; write it −x.
      if (b!.minusOne) return { text: `-${wrap(a!, Prec.mul)}`, prec: Prec.neg, negated: a! };
      if (a!.minusOne) return { text: `-${wrap(b!, Prec.mul)}`, prec: Prec.neg, negated: b! };
      // a · b⁻¹ is how div() is built; write it as a fraction.
      if (b!.reciprocalOf) return atom(`\\frac{${a!.text}}{${b!.reciprocalOf.text}}`);
      // Negative factors in parentheses: 0.5 \\cdot 1 + (-0.3) \\cdot 2, never "+ -0.3".
      return { text: `${wrap(a!, Prec.mul)} \\cdot ${wrap(b!, Prec.mul)}`, prec: Prec.mul };
    },
    local: ({ args: [a, b] }, slot) => (slot === 0 ? b! : a!),
  },
  pow: {
    expr: (c) => {
      const a = c.args[0]!;
      if (c.param === -1) return { ...atom(`\\frac{1}{${a.text}}`), reciprocalOf: a };
      if (c.param === 0.5) return atom(`\\sqrt{${a.text}}`);
      return { text: `${wrap(a, Prec.atom)}^{${param(c)}}`, prec: Prec.pow };
    },
    local: (c) => {
      const a = c.args[0]!;
      const p = c.param ?? NaN;
      if (p === 0) return atom("0");
      if (p === 1) return atom("1");
      if (p === 2) return { text: `2 \\cdot ${wrap(a, Prec.mul)}`, prec: Prec.mul };
      if (p === 0.5) return atom(`\\frac{1}{2\\sqrt{${a.text}}}`);
      if (p === -1) return { text: `-\\frac{1}{${wrap(a, Prec.atom)}^{2}}`, prec: Prec.neg };
      const text = `${param(c)} \\cdot ${wrap(a, Prec.atom)}^{${formatNumber(p - 1, c.digits)}}`;
      return { text, prec: p < 0 ? Prec.neg : Prec.mul };
    },
  },
  exp: {
    expr: ({ args: [a] }) => ({ text: `e^{${a!.text}}`, prec: Prec.pow }),
    local: ({ args: [a] }) => ({ text: `e^{${a!.text}}`, prec: Prec.pow }),
  },
  log: {
    expr: ({ args: [a] }) => call("\\ln", a!),
    local: ({ args: [a] }) => atom(`\\frac{1}{${a!.text}}`),
  },
  tanh: {
    expr: ({ args: [a] }) => call("\\tanh", a!),
    // Written with the output, as the engine computes it: 1 − tanh²(x).
    local: ({ out }) => ({ text: `1 - ${wrap(out, Prec.atom)}^{2}`, prec: Prec.add }),
  },
  sigmoid: {
    expr: ({ args: [a] }) => call("\\sigma", a!),
    local: ({ out }) => ({
      text: `${wrap(out, Prec.mul)} \\cdot (1 - ${wrap(out, Prec.mul)})`,
      prec: Prec.mul,
    }),
  },
  relu: {
    expr: ({ args: [a] }) => call("\\operatorname{ReLU}", a!),
    local: ({ args: [a] }) => atom(indicator(a!, ">")),
  },
  "leaky-relu": {
    expr: (c) => call(`\\operatorname{LeakyReLU}_{${param(c)}}`, c.args[0]!),
    local: (c) => {
      const a = c.args[0]!;
      return { text: `${indicator(a, ">")} + ${param(c)} \\cdot ${indicator(a, "\\le")}`, prec: Prec.add };
    },
  },
  elu: {
    expr: (c) => call(`\\operatorname{ELU}_{${param(c)}}`, c.args[0]!),
    local: (c) => {
      const a = c.args[0]!;
      const negative = `${param(c)} \\cdot e^{${a.text}} \\cdot ${indicator(a, "\\le")}`;
      return { text: `${indicator(a, ">")} + ${negative}`, prec: Prec.add };
    },
  },
  gelu: {
    expr: ({ args: [a] }) => call("\\operatorname{GELU}", a!),
    local: ({ args: [a] }) => ({
      text: `\\Phi(${a!.text}) + ${wrap(a!, Prec.mul)} \\cdot \\varphi(${a!.text})`,
      prec: Prec.add,
    }),
  },
  softplus: {
    expr: ({ args: [a] }) => call("\\operatorname{softplus}", a!),
    local: ({ args: [a] }) => call("\\sigma", a!),
  },
};

export function opTex(op: ValueOp): OpTexRule {
  const rule = op === "leaf" ? undefined : (rules as Partial<Record<string, OpTexRule>>)[op];
  if (!rule) throw new ComputeError("trace", `no TeX rule for op "${op}"`);
  return rule;
}
