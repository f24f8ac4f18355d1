import path from "node:path";
import { describe, expect, it } from "vitest";
import { sqlitePathFromUrl } from "@/lib/db/sqlite-path";

const cwd = path.resolve("/srv/gradus");

describe("sqlitePathFromUrl with a relative path", () => {
  it("resolves it against the given working directory", () => {
    expect(sqlitePathFromUrl("file:./data/gradus.db", cwd)).toBe(path.join(cwd, "data", "gradus.db"));
    expect(sqlitePathFromUrl("file:gradus.db", cwd)).toBe(path.join(cwd, "gradus.db"));
  });

  it("follows .. out of the working directory", () => {
    expect(sqlitePathFromUrl("file:../shared/gradus.db", cwd)).toBe(
      path.resolve(cwd, "..", "shared", "gradus.db"),
    );
  });

  it("defaults to process.cwd()", () => {
    expect(sqlitePathFromUrl("file:./x.db")).toBe(path.join(process.cwd(), "x.db"));
  });
});

describe("sqlitePathFromUrl with an absolute path", () => {
  it("keeps it as is", () => {
    const absolute = path.resolve("/var/lib/gradus/app.db");
    expect(sqlitePathFromUrl(`file:${absolute}`, cwd)).toBe(absolute);
  });
});

describe("sqlitePathFromUrl with a query string", () => {
  it("strips it", () => {
    expect(sqlitePathFromUrl("file:./data/gradus.db?connection_limit=1&socket_timeout=5", cwd)).toBe(
      path.join(cwd, "data", "gradus.db"),
    );
  });
});

describe("sqlitePathFromUrl with no file name", () => {
  it.each(["file:", "file:?mode=memory"])("throws for %s, quoting the URL", (url) => {
    expect(() => sqlitePathFromUrl(url, cwd)).toThrow(url);
  });
});
