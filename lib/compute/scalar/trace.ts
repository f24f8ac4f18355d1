import { assertPositiveInt, ComputeError } from "../errors";
import { opTex, type OpTexContext } from "./op-tex";
import { atom, equalsSign, formatNumber, labelToTex, numberTex, partial, Prec, wrap, type Tex } from "./tex";
import { topologicalOrder } from "./topological-order";
import type { Value, ValueOp } from "./value";

/**
 * The graph behind a Value as tables a card can show step by step: the
 * forward pass in topological order and the backward pass in reverse, each
 * row with its numbers and KaTeX formulas.
 *
 * Naming: a node is written with its TeX symbol (explicit, or derived from a
 * label such as "w1" → w_{1}). An unnamed intermediate is written as its own
 * expression while that stays short (w \cdot x inside z = w \cdot x + b),
 * otherwise as v_{id}. Literals that ops promoted to Values (the −1 in a − b)
 * are printed as numbers and left out of both tables.
 */
export type TraceKind = "leaf" | "constant" | "op";

export type TraceInput = { id: number; label: string; symbol: string };

/** ∂(this node)/∂(one input), summed over slots when the input is used twice (a · a). */
export type TraceLocalDerivative = { input: number; value: number; tex: string };

/** One term of the chain rule: ∂L/∂consumer · ∂consumer/∂this. */
export type TraceChainTerm = { consumer: number; upstream: number; local: number; product: number };

export type TraceStep = {
  id: number;
  label: string;
  /** TeX symbol used for this node in every formula. */
  symbol: string;
  op: ValueOp;
  kind: TraceKind;
  inputs: TraceInput[];
  value: number;
  grad: number;
  /** e.g. "z = w \cdot x + b = 0.8 \cdot 1.5 + (-0.2) = 1". */
  forward: string;
  local: TraceLocalDerivative[];
  terms: TraceChainTerm[];
  /** e.g. "\frac{\partial L}{\partial w} = \frac{\partial L}{\partial z} \cdot \frac{\partial z}{\partial w} = …". */
  backward: string;
};

export type Trace = {
  /** Every node in topological order; a step's id is its index here. */
  steps: TraceStep[];
  /** Forward table: steps without constants, inputs first, root last. */
  forward: TraceStep[];
  /** Backward table: steps without constants, root first. */
  backward: TraceStep[];
};

export type TraceOptions = {
  /** Significant figures shown in formulas (values in the table stay exact). Default 4. */
  digits?: number;
};

/** Unnamed intermediates with more ops than this get a v_{id} name instead of being written out. */
const MAX_INLINE_OPS = 4;

type Mode = "sym" | "num";
type NodeTex = { kind: TraceKind; symbol: Tex; inline: boolean; weight: number; expr?: Record<Mode, Tex> };
type LocalEntry = { child: Value; value: number; slots: number[] };

/** Runs root.backward() (so grads are current) and tabulates the graph. */
export function trace(root: Value, options: TraceOptions = {}): Trace {
  const digits = options.digits ?? 4;
  assertPositiveInt("trace", "digits", digits);
  if (digits > 17) throw new ComputeError("trace", `digits must be at most 17, got ${digits}`);
  root.backward();
  const g = new TexGraph(topologicalOrder(root), digits);
  const steps = g.order.map((node) => g.step(node, root));
  const shown = steps.filter((s) => s.kind !== "constant");
  return { steps, forward: shown, backward: [...shown].reverse() };
}

/** The graph in topological order with a TeX name and expression for every node. */
class TexGraph {
  private readonly ids: Map<Value, number>;
  private readonly tex: NodeTex[] = [];
  /** For each node: its consumers with ∂consumer/∂node summed over slots. */
  private readonly consumers: { consumer: Value; local: number }[][];
  private readonly locals = new Map<Value, LocalEntry[]>();

  constructor(
    readonly order: Value[],
    private readonly digits: number,
  ) {
    this.ids = new Map(order.map((node, i) => [node, i]));
    this.consumers = order.map(() => []);
    order.forEach((node, i) => this.tex.push(this.name(node, i)));
    for (const node of order) {
      const entries = distinctLocals(node);
      this.locals.set(node, entries);
      for (const e of entries) this.consumers[this.id(e.child)]!.push({ consumer: node, local: e.value });
    }
  }

  step(node: Value, root: Value): TraceStep {
    const i = this.id(node);
    const t = this.tex[i]!;
    const terms = this.consumers[i]!.map(({ consumer, local }) => ({
      consumer: this.id(consumer),
      upstream: consumer.grad,
      local,
      product: consumer.grad * local,
    }));
    return {
      id: i,
      label: node.label,
      symbol: t.symbol.text,
      op: node.op,
      kind: t.kind,
      inputs: node.children.map((c) => ({ id: this.id(c), label: c.label, symbol: this.symbolOf(c).text })),
      value: node.data,
      grad: node.grad,
      forward: this.forward(node),
      local: this.localDerivatives(node),
      terms,
      backward: this.backward(node, root, terms),
    };
  }

  private id(v: Value): number {
    return this.ids.get(v)!;
  }

  private symbolOf(v: Value): Tex {
    return this.tex[this.id(v)]!.symbol;
  }

  /** How a parent writes this node: inlined, or by name (sym) / by value (num). */
  private ref(v: Value, mode: Mode): Tex {
    const t = this.tex[this.id(v)]!;
    if (t.inline) return t.expr![mode];
    if (mode === "sym" || t.kind === "constant") return t.symbol;
    // A named b = −0.2 is substituted as + (−0.2), visibly; only literals get the a − 2 sugar.
    return numberTex(v.data, this.digits);
  }

  /** What an op's TeX rule sees; `out` (the node itself) is needed only by local derivatives. */
  private context(node: Value, mode: Mode, withOut = true): OpTexContext {
    const out = !withOut
      ? atom("")
      : mode === "sym"
        ? this.symbolOf(node)
        : numberTex(node.data, this.digits);
    return { args: node.children.map((c) => this.ref(c, mode)), out, param: node.param, digits: this.digits };
  }

  /** Decides how node i is written; children are already named (topological order). */
  private name(node: Value, i: number): NodeTex {
    const named = node.tex ?? labelToTex(node.label);
    if (node.op === "leaf") {
      if (node.isConstant) {
        return { kind: "constant", symbol: literal(node.data, this.digits), inline: false, weight: 0 };
      }
      return { kind: "leaf", symbol: atom(named ?? `v_{${i}}`), inline: false, weight: 0 };
    }
    const rule = opTex(node.op);
    const expr = {
      sym: rule.expr(this.context(node, "sym", false)),
      num: rule.expr(this.context(node, "num", false)),
    };
    const childTex = node.children.map((c) => this.tex[this.id(c)]!);
    const kind: TraceKind = childTex.every((c) => c.kind === "constant") ? "constant" : "op";
    const weight = kind === "constant" ? 0 : 1 + childTex.reduce((s, c) => s + (c.inline ? c.weight : 0), 0);
    const inline = named === undefined && (kind === "constant" || weight <= MAX_INLINE_OPS);
    const symbol = named !== undefined ? atom(named) : inline ? expr.sym : atom(`v_{${i}}`);
    return { kind, symbol, inline, weight, expr };
  }

  /** "z = w \cdot x + b = 0.8 \cdot 1.5 + (-0.2) = 1"; an inlined node has no separate name on the left. */
  private forward(node: Value): string {
    const t = this.tex[this.id(node)]!;
    if (t.kind === "constant" && node.op === "leaf") return formatNumber(node.data, this.digits);
    if (node.op === "leaf") return chain([t.symbol.text], node.data, this.digits);
    const lhs = t.inline ? "" : t.symbol.text;
    return chain([lhs, t.expr!.sym.text, t.expr!.num.text], node.data, this.digits);
  }

  /** ∂node/∂input for each input that is not a literal, symbolic then numeric. */
  private localDerivatives(node: Value): TraceLocalDerivative[] {
    if (node.op === "leaf") return [];
    const rule = opTex(node.op);
    const written = (entry: LocalEntry, mode: Mode) =>
      entry.slots.map((slot) => rule.local(this.context(node, mode), slot).text).join(" + ");
    return this.locals
      .get(node)!
      .filter((e) => this.tex[this.id(e.child)]!.kind !== "constant")
      .map((e) => ({
        input: this.id(e.child),
        value: e.value,
        tex: chain([this.dOf(node, e.child), written(e, "sym"), written(e, "num")], e.value, this.digits),
      }));
  }

  /** ∂L/∂node = Σ over consumers c of ∂L/∂c · ∂c/∂node. */
  private backward(node: Value, root: Value, terms: TraceChainTerm[]): string {
    if (node === root) return `${this.dOf(root, root)} = 1`;
    const factor = (x: number) => wrap(numberTex(x, this.digits), Prec.mul);
    const symbolic = this.consumers[this.id(node)]!.map(
      ({ consumer }) => `${this.dOf(root, consumer)} \\cdot ${this.dOf(consumer, node)}`,
    );
    const numeric = terms.map((term) => `${factor(term.upstream)} \\cdot ${factor(term.local)}`);
    return chain([this.dOf(root, node), symbolic.join(" + "), numeric.join(" + ")], node.grad, this.digits);
  }

  /** \frac{\partial of}{\partial by} */
  private dOf(of: Value, by: Value): string {
    return `\\frac{${partial(this.symbolOf(of))}}{${partial(this.symbolOf(by))}}`;
  }
}

/** A node's inputs once each, with the local derivative summed over the slots it fills (a · a). */
function distinctLocals(node: Value): LocalEntry[] {
  const locals = node.localDerivatives();
  const entries: LocalEntry[] = [];
  node.children.forEach((child, slot) => {
    const entry = entries.find((e) => e.child === child);
    if (entry) {
      entry.value += locals[slot]!;
      entry.slots.push(slot);
    } else entries.push({ child, value: locals[slot]!, slots: [slot] });
  });
  return entries;
}

/** "a = b = c = value", dropping empty and repeated parts, with ≈ when the value was rounded. */
function chain(parts: string[], value: number, digits: number): string {
  const shown = formatNumber(value, digits);
  const kept = parts.filter((p, i) => p !== "" && p !== parts[i - 1] && p !== shown);
  return kept.length === 0 ? shown : `${kept.join(" = ")} ${equalsSign(value, digits)} ${shown}`;
}

/** A literal as TeX, marked so x · (−1) reads −x and a + (−2) reads a − 2. */
function literal(x: number, digits: number): Tex {
  const t = numberTex(x, digits);
  if (x === -1) return { ...t, minusOne: true, negated: numberTex(1, digits) };
  if (x < 0) return { ...t, negated: numberTex(-x, digits) };
  return t;
}
