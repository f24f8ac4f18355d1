import { describe, expect, it } from "vitest";
import { isLocale, isTheme, locales, preferencesPatchSchema, themes } from "@/lib/settings/preferences";

describe("preferencesPatchSchema with a valid patch", () => {
  it.each(locales)("accepts locale %s alone", (locale) => {
    expect(preferencesPatchSchema.parse({ locale })).toEqual({ locale });
  });

  it.each(themes)("accepts theme %s alone", (theme) => {
    expect(preferencesPatchSchema.parse({ theme })).toEqual({ theme });
  });

  it("accepts both fields together", () => {
    expect(preferencesPatchSchema.parse({ locale: "ru", theme: "dark" })).toEqual({
      locale: "ru",
      theme: "dark",
    });
  });
});

describe("preferencesPatchSchema with an invalid patch", () => {
  it("rejects an unknown key even alongside a valid one", () => {
    expect(preferencesPatchSchema.safeParse({ locale: "en", admin: true }).success).toBe(false);
  });

  it("rejects an empty object, saying there is nothing to change", () => {
    const result = preferencesPatchSchema.safeParse({});
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toContain("nothing to change");
  });

  it("rejects an object whose fields are all explicitly undefined", () => {
    expect(preferencesPatchSchema.safeParse({ locale: undefined, theme: undefined }).success).toBe(false);
  });

  it.each([
    ["an unsupported locale", { locale: "de" }],
    ["a locale in the wrong case", { locale: "RU" }],
    ["an unsupported theme", { theme: "sepia" }],
    ["a non-string theme", { theme: 1 }],
    ["null locale", { locale: null }],
  ])("rejects %s", (_label, patch) => {
    expect(preferencesPatchSchema.safeParse(patch).success).toBe(false);
  });

  it.each([null, "ru", ["ru"]])("rejects the non-object %j", (value) => {
    expect(preferencesPatchSchema.safeParse(value).success).toBe(false);
  });
});

describe("isLocale and isTheme guards", () => {
  it("accept exactly the listed values", () => {
    expect(isLocale("ru")).toBe(true);
    expect(isLocale("en")).toBe(true);
    expect(isLocale("de")).toBe(false);
    expect(isLocale(undefined)).toBe(false);
    expect(isTheme("dark")).toBe(true);
    expect(isTheme("system")).toBe(true);
    expect(isTheme("blue")).toBe(false);
    expect(isTheme(3)).toBe(false);
  });
});
