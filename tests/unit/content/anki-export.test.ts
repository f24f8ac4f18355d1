import katex from "katex";
import { describe, expect, it } from "vitest";
import { ankiExport, type AnkiCard } from "@/lib/content/anki-export";

/** An RFC 4180-style reader for one tab-separated line with "…" quoting (written here, independent of the exporter). */
function readLine(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = "";
      i++;
      for (;;) {
        if (i >= line.length) throw new Error(`unclosed quote in ${line}`);
        if (line[i] === '"' && line[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else value += line[i++];
      }
      fields.push(value);
      if (i < line.length && line[i] !== "\t") throw new Error(`text after a closing quote at ${i}`);
      i++;
    } else {
      const end = line.indexOf("\t", i);
      fields.push(line.slice(i, end < 0 ? line.length : end));
      i = end < 0 ? line.length + 1 : end + 1;
    }
  }
  return fields;
}

const formula = katex.renderToString("\\sigma(x) = \\frac{1}{1+e^{-x}}", { output: "htmlAndMathml" });

const base: AnkiCard = {
  id: "sigmoid-definition",
  topicTitle: "Activation functions",
  type: "basic",
  tags: ["activations", "sigmoid"],
  frontHtml: `<p>What is the "sigmoid"?</p>`,
  backHtml: `<p>${formula}</p><pre><code>def f(x):\n\treturn 1 / (1 + exp(-x))</code></pre>`,
  revealedHtml: null,
  options: [],
  numeric: null,
};

const parse = (text: string) => {
  const lines = text.trimEnd().split("\n");
  const headers = lines.filter((l) => l.startsWith("#"));
  const rows = lines.filter((l) => !l.startsWith("#")).map(readLine);
  return { headers, rows };
};

describe("ankiExport", () => {
  it("writes Anki's file headers and one five-column line per card", () => {
    const cards = [base, { ...base, id: "other", topicTitle: "Losses", tags: [] }];
    const { headers, rows } = parse(ankiExport(cards, "en"));
    expect(headers).toEqual(
      expect.arrayContaining(["#separator:tab", "#html:true", "#guid column:1", "#deck column:4", "#tags column:5"]),
    );
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.length)).toEqual([5, 5]);
    expect(rows.map((r) => r[0])).toEqual(["gradus-sigmoid-definition", "gradus-other"]);
    expect(rows.map((r) => r[3])).toEqual(["Gradus::Activation functions", "Gradus::Losses"]);
    expect(rows.map((r) => r[4])).toEqual(["gradus activations sigmoid", "gradus"]);
  });

  it("keeps quotes, MathML and code line breaks; drops KaTeX's CSS-dependent half", () => {
    const [row] = parse(ankiExport([base], "en")).rows;
    const [, front, back] = row!;
    expect(front).toBe(`<p>What is the "sigmoid"?</p>`);
    expect(formula).toContain("katex-html");
    expect(back).not.toContain("katex-html");
    expect(back).toContain("<math");
    expect(back).toContain("<mfrac>");
    expect(back).toContain("def f(x):<br>    return 1 / (1 + exp(-x))");
  });

  it("puts the options on the front of an MCQ and the right ones with reasons on the back", () => {
    const mcq: AnkiCard = {
      ...base,
      type: "mcq",
      frontHtml: "<p>Which are zero-centred?</p>",
      backHtml: "<p>tanh is odd.</p>",
      options: [
        { html: "sigmoid", correct: false, whyHtml: "outputs in (0, 1)" },
        { html: "tanh", correct: true, whyHtml: null },
      ],
    };
    const [[, front = "", back = ""]] = parse(ankiExport([mcq], "ru")).rows as [string[]];
    expect(front).toBe("<p>Which are zero-centred?</p><p>Варианты:</p><ul><li>A. sigmoid</li><li>B. tanh</li></ul>");
    expect(back).toContain("<b>Верно: B</b>");
    expect(back).toContain("✘ A. sigmoid — outputs in (0, 1)");
    expect(back).toContain("✔ B. tanh");
    expect(back.endsWith("<p>tanh is odd.</p>")).toBe(true);
  });

  it("shows a numeric card's answer with its tolerance and a cloze card's filled statement", () => {
    const numeric: AnkiCard = { ...base, type: "numeric", numeric: { answer: 0.25, tolerance: 0.001, unit: "" } };
    const cloze: AnkiCard = {
      ...base,
      id: "c",
      type: "cloze",
      frontHtml: "<p>ReLU is [...]</p>",
      revealedHtml: "<p>ReLU is max(0, x)</p>",
      backHtml: "",
    };
    const rows = parse(ankiExport([numeric, cloze], "en")).rows;
    expect(rows[0]![2]).toContain("<b>Answer: 0.25 ± 0.001</b>");
    expect(rows[1]![1]).toBe("<p>ReLU is [...]</p>");
    expect(rows[1]![2]).toBe("<p>ReLU is max(0, x)</p>");
  });
});
