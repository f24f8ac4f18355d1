import { describe, expect, it } from "vitest";
import { catalogueParts, en, ru } from "@/lib/i18n/catalogues";

type Tree = { [key: string]: string | Tree };

/** Every leaf of a catalogue as "a.b.c" → message. */
function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [p, v] of leaves(value, path)) out.set(p, v);
  }
  return out;
}

/** Every key path, leaves and branches, so a leaf in one catalogue and a branch in the other differ. */
function keyPaths(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === "string" ? [`${path}`] : [`${path}.*`, ...keyPaths(value, path)];
  });
}

/**
 * The argument names of an ICU message: "{min}" → min; "{count, plural, one {# card}
 * other {{n} cards}}" → count, n. Plural/select branch selectors and branch text are not
 * arguments. (Apostrophe quoting is not used in the catalogues and is not handled.)
 */
function icuArguments(message: string): string[] {
  const names = new Set<string>();
  let i = 0;

  // Parses text until an unmatched "}" (or the end), collecting arguments.
  function text(): void {
    while (i < message.length && message[i] !== "}") {
      if (message[i] === "{") argument();
      else i++;
    }
  }

  // At "{": reads "name}" or "name, type[, style or branches]}".
  function argument(): void {
    i++; // "{"
    const close = message.slice(i).search(/[,}]/);
    if (close < 0) throw new Error(`unclosed "{" in ${JSON.stringify(message)}`);
    const name = message.slice(i, i + close).trim();
    if (!/^[A-Za-z_]\w*$/.test(name))
      throw new Error(`bad argument name "${name}" in ${JSON.stringify(message)}`);
    names.add(name);
    i += close;
    if (message[i] === ",") {
      i++;
      const typeEnd = message.slice(i).search(/[,}]/);
      const type = message.slice(i, i + typeEnd).trim();
      i += typeEnd;
      if (message[i] === ",") {
        i++;
        if (["plural", "select", "selectordinal"].includes(type)) {
          // selector {text} selector {text} …
          while (i < message.length && message[i] !== "}") {
            if (message[i] === "{") {
              i++;
              text();
              i++; // "}" closing the branch
            } else i++;
          }
        } else {
          while (i < message.length && message[i] !== "}") i++; // number/date style
        }
      }
    }
    if (message[i] !== "}") throw new Error(`unclosed argument "${name}" in ${JSON.stringify(message)}`);
    i++;
  }

  text();
  if (i < message.length) throw new Error(`unmatched "}" in ${JSON.stringify(message)}`);
  return [...names].sort();
}

const enLeaves = leaves(en as Tree);
const ruLeaves = leaves(ru as Tree);

describe("the ICU argument extractor used by these tests", () => {
  it("finds simple and plural arguments but not branch text", () => {
    expect(
      icuArguments("Hi {name}, {count, plural, one {# card} other {{n} cards}} at {d, date, short}"),
    ).toEqual(["count", "d", "n", "name"]);
    expect(icuArguments("No braces")).toEqual([]);
  });

  it("throws on unbalanced braces", () => {
    expect(() => icuArguments("{name")).toThrow();
    expect(() => icuArguments("name}")).toThrow();
  });
});

describe("the en and ru catalogues", () => {
  it("define each top-level namespace in one file only", () => {
    for (const parts of Object.values(catalogueParts)) {
      const names = parts.flatMap((part) => Object.keys(part));
      expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
    }
  });

  it("have exactly the same key paths", () => {
    const enPaths = new Set(keyPaths(en as Tree));
    const ruPaths = new Set(keyPaths(ru as Tree));
    const missingInRu = [...enPaths].filter((p) => !ruPaths.has(p));
    const missingInEn = [...ruPaths].filter((p) => !enPaths.has(p));
    expect(missingInRu, `keys in en.json missing from ru.json: ${missingInRu.join(", ")}`).toEqual([]);
    expect(missingInEn, `keys in ru.json missing from en.json: ${missingInEn.join(", ")}`).toEqual([]);
  });

  it("are not empty", () => {
    expect(enLeaves.size).toBeGreaterThan(0);
  });

  it("contain no empty or whitespace-only messages", () => {
    const empty = [
      ...[...enLeaves].filter(([, m]) => m.trim() === "").map(([p]) => `en:${p}`),
      ...[...ruLeaves].filter(([, m]) => m.trim() === "").map(([p]) => `ru:${p}`),
    ];
    expect(empty, `empty messages: ${empty.join(", ")}`).toEqual([]);
  });

  it("use the same ICU arguments in each message pair", () => {
    const mismatches: string[] = [];
    for (const [path, enMessage] of enLeaves) {
      const ruMessage = ruLeaves.get(path);
      if (ruMessage === undefined) continue; // reported by the key-path test
      const enArgs = icuArguments(enMessage).join(",");
      const ruArgs = icuArguments(ruMessage).join(",");
      if (enArgs !== ruArgs) mismatches.push(`${path}: en {${enArgs}} vs ru {${ruArgs}}`);
    }
    expect(mismatches, mismatches.join("\n")).toEqual([]);
  });

  it("give every Russian plural the few and many forms Russian grammar needs", () => {
    const missing = [...ruLeaves]
      .filter(([, m]) => /,\s*plural\s*,/.test(m))
      .filter(([, m]) => !/\bfew\s*\{/.test(m) || !/\bmany\s*\{/.test(m))
      .map(([p]) => p);
    expect(missing, `ru plurals without few/many: ${missing.join(", ")}`).toEqual([]);
  });
});
