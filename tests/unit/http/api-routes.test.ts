import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { apiRoutes, findApiRoute, routeMethods } from "@/lib/http/api-routes";

const apiDir = path.resolve(import.meta.dirname, "../../../app/api");

/** Every app/api/**\/route.ts as its URL pattern and the HTTP methods it exports. */
function routeFiles(): { pattern: string; methods: string[] }[] {
  const files = readdirSync(apiDir, { recursive: true, encoding: "utf8" }).filter(
    (f) => path.basename(f) === "route.ts",
  );
  return files.map((file) => {
    const source = readFileSync(path.join(apiDir, file), "utf8");
    const exported = [...source.matchAll(/export\s+(?:const|async\s+function|function)\s+([A-Z]+)\b/g)].map(
      (m) => m[1]!,
    );
    const dir = path.dirname(file).split(path.sep).join("/");
    return {
      pattern: `/api/${dir}`,
      methods: exported.filter((name) => (routeMethods as readonly string[]).includes(name)).sort(),
    };
  });
}

describe("the API route table (lib/http/api-routes.ts)", () => {
  it("lists every route.ts under app/api with exactly the methods it exports: add new routes there", () => {
    const table = apiRoutes.map((r) => ({ pattern: r.pattern, methods: [...r.methods].sort() }));
    const byPattern = (a: { pattern: string }, b: { pattern: string }) => a.pattern.localeCompare(b.pattern);
    expect(table.sort(byPattern)).toEqual(routeFiles().sort(byPattern));
  });

  it("gives every route that reads a JSON body a sample body for the malformed-input walk", () => {
    for (const route of apiRoutes) {
      const source = readFileSync(path.join(apiDir, route.pattern.slice("/api/".length), "route.ts"), "utf8");
      if (source.includes("readJson(")) expect(route.sampleBody, route.pattern).toBeDefined();
    }
  });
});

/** Files under app/ that start with "use server", and the names they export. */
function serverActionExports(): string[] {
  const appDir = path.resolve(import.meta.dirname, "../../../app");
  return readdirSync(appDir, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => readFileSync(path.join(appDir, f), "utf8"))
    .filter((source) => /^\s*["']use server["']/.test(source))
    .flatMap((source) =>
      [...source.matchAll(/export\s+(?:const|async\s+function|function)\s+(\w+)/g)].map((m) => m[1]!),
    );
}

describe("the Server Action walk (tests/e2e/no-500.spec.ts)", () => {
  it("drives every exported Server Action: add a new action to walkedActions there", () => {
    const spec = readFileSync(path.resolve(import.meta.dirname, "../../e2e/no-500.spec.ts"), "utf8");
    const walked = /walkedActions = \[([^\]]*)\]/.exec(spec)?.[1] ?? "";
    const names = [...walked.matchAll(/"(\w+)"/g)].map((m) => m[1]);
    const actions = serverActionExports();
    expect(actions.length).toBeGreaterThan(5);
    expect(names.sort()).toEqual(actions.sort());
  });
});

describe("findApiRoute", () => {
  it("matches a dynamic segment against any one segment, and nothing longer or shorter", () => {
    expect(findApiRoute("/api/cards/abc/actions")?.pattern).toBe("/api/cards/[id]/actions");
    expect(findApiRoute("/api/settings/")?.pattern).toBe("/api/settings");
    expect(findApiRoute("/api/cards/abc")).toBeNull();
    expect(findApiRoute("/api/cards/a/b/actions")).toBeNull();
  });
});
