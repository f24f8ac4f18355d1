import { describe, expect, it } from "vitest";
import { negotiateLocale } from "@/lib/settings/negotiate-locale";
import { defaultLocale } from "@/lib/settings/preferences";

describe("negotiateLocale with a usable Accept-Language header", () => {
  it("picks ru when Russian is the only language", () => {
    expect(negotiateLocale("ru")).toBe("ru");
  });

  it("picks ru when Russian comes first at equal quality", () => {
    expect(negotiateLocale("ru, en")).toBe("ru");
  });

  it("picks en when English comes first at equal quality", () => {
    expect(negotiateLocale("en, ru")).toBe("en");
  });

  it("ranks by q-value rather than by position", () => {
    expect(negotiateLocale("en;q=0.5, ru;q=0.9")).toBe("ru");
    expect(negotiateLocale("ru;q=0.4,en;q=0.6")).toBe("en");
  });

  it("treats a missing q-value as 1", () => {
    expect(negotiateLocale("en;q=0.99, ru")).toBe("ru");
  });

  it("matches region subtags against their primary language", () => {
    expect(negotiateLocale("ru-RU,ru;q=0.9,en;q=0.8")).toBe("ru");
    expect(negotiateLocale("en-GB")).toBe("en");
  });

  it("matches language tags case-insensitively", () => {
    expect(negotiateLocale("RU-ru")).toBe("ru");
  });

  it("skips unsupported languages and takes the best supported one", () => {
    expect(negotiateLocale("de-DE, fr;q=0.9, ru;q=0.5, en;q=0.1")).toBe("ru");
  });

  it("excludes languages marked q=0", () => {
    expect(negotiateLocale("ru;q=0, en;q=0.1")).toBe("en");
  });
});

describe("negotiateLocale with nothing usable", () => {
  it.each([
    ["null", null],
    ["undefined", undefined],
    ["an empty header", ""],
    ["a wildcard only", "*"],
    ["only unsupported languages", "de, fr;q=0.8"],
    ["garbage", ";;;,,,q=zz"],
    ["a non-numeric q-value", "ru;q=high"],
    ["every supported language refused", "ru;q=0, en;q=0"],
  ])("falls back to the default locale for %s", (_label, header) => {
    expect(negotiateLocale(header)).toBe(defaultLocale);
  });
});

describe("negotiateLocale with legal but unusual header syntax (RFC 9110 §12.4.2)", () => {
  // Regression: whitespace before ";" (allowed by RFC 9110) used to hide the tag.
  it("accepts whitespace before the ';q=' parameter", () => {
    expect(negotiateLocale("en;q=0.1, ru ;q=0.9")).toBe("ru");
  });

  // Regression: an upper-case "Q" parameter used to be ignored.
  it("honours an upper-case Q parameter", () => {
    expect(negotiateLocale("en;q=0.5, ru;Q=0")).toBe("en");
  });
});
