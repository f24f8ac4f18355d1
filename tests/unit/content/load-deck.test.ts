import { describe, expect, it } from "vitest";
import { formatIssue, loadDeck, type ContentIssue } from "@/lib/content";
import { basicCard, clozeCard, mcqCard, numericCard, topic, writeDeck } from "../../fixtures/content-deck";

/** Loads a deck with overrides and returns its issues, with file paths relative to the deck root. */
function problems(overrides: Record<string, string | null>): ContentIssue[] {
  const root = writeDeck(overrides);
  return loadDeck(root).issues.map((i) => ({
    ...i,
    file: i.file.slice(i.file.indexOf(root.split("/").pop()!) + root.split("/").pop()!.length + 1),
  }));
}

/** 1-based line of the first line of `text` that contains `needle`. */
const lineOf = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;

describe("a valid deck", () => {
  const { deck, issues } = loadDeck(writeDeck());

  it("loads every card and topic without problems", () => {
    expect(issues).toEqual([]);
    expect(deck.topics.map((t) => t.id)).toEqual(["activations"]);
    expect(deck.cards.map((c) => c.type).sort()).toEqual(["basic", "cloze", "mcq", "numeric"]);
  });

  it("renders math with KaTeX on the server and leaves no raw TeX delimiters", () => {
    const card = deck.cards.find((c) => c.id === "relu-definition")!;
    expect(card.en.back).toContain('class="katex"');
    expect(card.en.back).not.toMatch(/\$/);
    expect(card.ru.front).toContain("Что такое ReLU?");
  });

  it("hides cloze blanks on the front and shows them on the back, inside and outside math", () => {
    const card = deck.cards.find((c) => c.id === "sigmoid-derivative-cloze")!;
    const text = (html: string | undefined) => (html ?? "").replace(/<[^>]+>/g, "");
    expect(text(card.en.front)).toContain("[…]");
    expect(text(card.en.front)).not.toContain("0.25");
    expect(text(card.en.revealed)).toContain("0.25");
    // The blank inside the formula is typeset as a box rather than breaking the formula.
    expect(card.en.front).toContain("boxed");
    expect(card.en.front).not.toContain("katex-error");
  });

  it("keeps mcq options with their correctness and explanations", () => {
    const card = deck.cards.find((c) => c.id === "zero-centred-mcq")!;
    expect(card.ru.options?.map((o) => o.correct)).toEqual([true, false]);
    expect(card.en.options?.[1]?.whyHtml).toContain("(0, 1)");
  });

  it("carries the numeric answer and tolerance", () => {
    expect(deck.cards.find((c) => c.id === "sigmoid-derivative-at-zero")?.numeric).toEqual({
      answer: 0.25,
      tolerance: 0.001,
    });
  });

  it("makes formulas searchable by their words", () => {
    const card = deck.cards.find((c) => c.id === "sigmoid-derivative-cloze")!;
    expect(card.searchText).toContain("sigma");
    expect(card.searchText).toContain("производная");
  });
});

describe("each loader error names the file, the line and the field", () => {
  it("an id that is not kebab-case: the line of the id key", () => {
    const text = basicCard.replace("id: relu-definition", "id: Relu_Definition");
    const [issue] = problems({
      "activations/relu-definition.md": text,
      "activations/sigmoid-derivative-cloze.md": clozeCard.replace("related", "x"),
    });
    expect(issue).toMatchObject({
      file: "activations/relu-definition.md",
      line: lineOf(text, "id: Relu"),
      field: "id",
    });
    expect(issue?.message).toMatch(/kebab-case/);
  });

  it("a tag that is not a lowercase slug: the tags line and the tag's index", () => {
    const text = basicCard.replace("tags: [relu]", "tags: [relu, Dying_ReLU]");
    const [issue] = problems({ "activations/relu-definition.md": text });
    expect(issue).toMatchObject({ file: "activations/relu-definition.md", field: "tags.1" });
    expect(issue?.line).toBe(lineOf(text, "tags: [relu, Dying"));
    expect(issue?.message).toMatch(/lowercase tag/);
  });

  it("a bad study link URL inside the sources list: the line of that entry's key", () => {
    const text = basicCard.replace(
      "url: https://www.cs.toronto.edu/~hinton/absps/reluICML.pdf",
      "url: not a url",
    );
    const found = problems({ "activations/relu-definition.md": text });
    expect(found).toContainEqual(
      expect.objectContaining({ line: lineOf(text, "url: not a url"), field: "sources.1.url" }),
    );
  });

  it("duplicate ids: both files are named", () => {
    const copy = numericCard;
    const found = problems({ "activations/copy.md": copy });
    const dup = found.find((i) => i.field === "id" && /duplicate/.test(i.message));
    expect(dup?.message).toContain("sigmoid-derivative-at-zero");
    expect(`${dup?.file} ${dup?.message}`).toContain("copy.md");
    expect(`${dup?.file} ${dup?.message}`).toContain("sigmoid-derivative-at-zero.md");
  });

  it("an unknown related id", () => {
    const text = basicCard.replace("related: [sigmoid-derivative-cloze]", "related: [no-such-card]");
    expect(problems({ "activations/relu-definition.md": text })).toContainEqual({
      file: "activations/relu-definition.md",
      line: lineOf(text, "related:"),
      field: "related",
      message: 'unknown card id "no-such-card"',
    });
  });

  it("a missing language", () => {
    const text = basicCard.slice(0, basicCard.indexOf("## en"));
    expect(problems({ "activations/relu-definition.md": text })).toContainEqual(
      expect.objectContaining({
        file: "activations/relu-definition.md",
        field: "body.en",
        message: 'missing "## en" section',
      }),
    );
  });

  it("an mcq with no correct option", () => {
    const text = mcqCard.replaceAll("- [x] tanh", "- [ ] tanh\n  why: x\n  почему: x");
    const found = problems({
      "activations/zero-centred-mcq.md": text.replace(/\n {2}почему: x\n {2}why: x/g, ""),
    });
    expect(found.some((i) => i.field === "body.ru.options" && /no correct option/.test(i.message))).toBe(
      true,
    );
  });

  it("a wrong mcq option without its explanation: the option's line", () => {
    const text = mcqCard.replace("  why: its values lie in (0, 1).\n", "");
    expect(problems({ "activations/zero-centred-mcq.md": text })).toContainEqual({
      file: "activations/zero-centred-mcq.md",
      line: lineOf(text, "- [ ] sigmoid"),
      field: "body.en.options",
      message: 'wrong option "sigmoid" has no "why:" line',
    });
  });

  it("a numeric card without a tolerance", () => {
    const text = numericCard.replace("tolerance: 0.001\n", "");
    expect(problems({ "activations/sigmoid-derivative-at-zero.md": text })).toContainEqual(
      expect.objectContaining({ field: "tolerance", message: "a numeric card needs a tolerance" }),
    );
  });

  it("invalid TeX: the line of the formula, with KaTeX's reason", () => {
    const text = basicCard.replace(
      "**Short answer:** $\\operatorname{ReLU}(x) = \\max(0, x)$.",
      "**Short answer:** $\\frac{1}{$.",
    );
    const issue = problems({ "activations/relu-definition.md": text }).find((i) =>
      /invalid TeX/.test(i.message),
    );
    expect(issue).toMatchObject({
      file: "activations/relu-definition.md",
      line: lineOf(text, "\\frac{1}{"),
      field: "body.en",
    });
  });

  it("an unknown command in TeX (strict mode)", () => {
    const text = basicCard.replace("\\max(0, x)$.\n\n## en", "\\relu(x)$.\n\n## en");
    expect(
      problems({ "activations/relu-definition.md": text }).some(
        (i) => /relu/.test(i.message) && i.field === "body.ru",
      ),
    ).toBe(true);
  });

  it("text after an opening $$ (silently dropped by Markdown) is refused", () => {
    const text = basicCard.replace("Что такое ReLU?", () => "Что такое ReLU?\n\n$$\\max(0, x)\n$$");
    expect(problems({ "activations/relu-definition.md": text })).toContainEqual(
      expect.objectContaining({ line: lineOf(text, "$$\\max"), message: expect.stringMatching(/own line/) }),
    );
  });

  it("a concept that is not in concepts.yml, and a concept no card covers", () => {
    const text = basicCard.replace("concepts: [relu]", "concepts: [relu-typo]");
    const found = problems({ "activations/relu-definition.md": text });
    expect(found).toContainEqual(
      expect.objectContaining({ field: "concepts", message: expect.stringContaining('"relu-typo"') }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({ file: expect.stringContaining("concepts.yml"), field: "concepts.relu" }),
    );
  });

  it("a card whose topic is not its folder", () => {
    const text = basicCard.replace("topic: activations", "topic: losses");
    expect(problems({ "activations/relu-definition.md": text })).toContainEqual(
      expect.objectContaining({ field: "topic", message: expect.stringContaining('"activations"') }),
    );
  });

  it("a YAML syntax error: the line where the YAML breaks", () => {
    const text = basicCard.replace("difficulty: 1", "difficulty: [1");
    const issue = problems({ "activations/relu-definition.md": text })[0];
    expect(issue?.field).toBe("front matter");
    expect(issue?.message).toMatch(/invalid YAML/);
    expect(issue?.line).toBeGreaterThanOrEqual(lineOf(text, "difficulty: [1"));
  });

  it("a folder without _topic.md", () => {
    expect(problems({ "activations/_topic.md": null })).toContainEqual(
      expect.objectContaining({ field: "topic", message: "missing _topic.md" }),
    );
  });

  it("a cloze card without blanks, and blanks on a basic card", () => {
    const cloze = clozeCard.replaceAll(/\{\{c\d::([^}]*(\}[^}])*)\}\}/g, "x");
    const found = problems({
      "activations/sigmoid-derivative-cloze.md": clozeCard
        .replace("максимум {{c2::0.25}}", "максимум 0.25")
        .replace("maximum {{c2::0.25}}", "maximum 0.25")
        .replace("{{c1::\\sigma(z)(1-\\sigma(z))}}", "x")
        .replace("{{c1::\\sigma(z)(1-\\sigma(z))}}", "x"),
      "activations/relu-definition.md": basicCard.replace("Что такое ReLU?", "Что такое {{c1::ReLU}}?"),
    });
    expect(cloze).not.toContain("{{");
    expect(found).toContainEqual(
      expect.objectContaining({ field: "body.ru.question", message: expect.stringMatching(/at least one/) }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({
        field: "body.ru.question",
        message: expect.stringMatching(/only for cloze/),
      }),
    );
  });

  it("reports every problem of every file at once", () => {
    const found = problems({
      "activations/relu-definition.md": basicCard.replace(
        "related: [sigmoid-derivative-cloze]",
        "related: [nope]",
      ),
      "activations/sigmoid-derivative-at-zero.md": numericCard.replace("answer: 0.25\n", ""),
    });
    expect(new Set(found.map((i) => i.file))).toEqual(
      new Set(["activations/relu-definition.md", "activations/sigmoid-derivative-at-zero.md"]),
    );
  });
});

describe("raw HTML in content", () => {
  it("never reaches the rendered page", () => {
    const text = basicCard.replace(
      "**Short answer:**",
      '<script>alert(1)</script><img src=x onerror="alert(2)"> [link](javascript:alert(3)) **Short answer:**',
    );
    const { deck, issues } = loadDeck(writeDeck({ "activations/relu-definition.md": text }));
    expect(issues).toEqual([]);
    const html = deck.cards.find((c) => c.id === "relu-definition")!.en.back;
    expect(html).not.toMatch(/<script|onerror|javascript:|<img/i);
  });
});

describe("formatIssue", () => {
  it("prints path:line: field: message without JSON", () => {
    const line = formatIssue({
      file: "content/a/b.md",
      line: 7,
      field: "sources.0.url",
      message: "expected an http(s) URL",
    });
    expect(line).toBe("content/a/b.md:7: sources.0.url: expected an http(s) URL");
  });
});

describe("topic files", () => {
  it("must have an id equal to the folder", () => {
    const found = problems({ "activations/_topic.md": topic.replace("id: activations", "id: other") });
    expect(found).toContainEqual(expect.objectContaining({ file: "activations/_topic.md", field: "id" }));
  });
});
