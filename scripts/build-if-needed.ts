import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** Inputs of `next build`; when their hash matches the last build's, the build is reused. */
const INPUTS = [
  "app",
  "lib",
  "public",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];
const SKIP = new Set(["generated", "node_modules", ".next"]);
const STAMP = path.join(".next", "gradus-build-hash");

function walk(entry: string, out: string[]): void {
  if (!fs.existsSync(entry)) return;
  const stat = fs.statSync(entry);
  if (stat.isFile()) {
    out.push(entry);
    return;
  }
  for (const child of fs.readdirSync(entry).sort()) {
    if (!SKIP.has(child)) walk(path.join(entry, child), out);
  }
}

export function sourceHash(root = process.cwd()): string {
  const files: string[] = [];
  for (const input of INPUTS) walk(path.join(root, input), files);
  const hash = createHash("sha256");
  for (const file of files) hash.update(path.relative(root, file)).update("\0").update(fs.readFileSync(file));
  return hash.digest("hex");
}

export function buildIsCurrent(root = process.cwd()): boolean {
  const stamp = path.join(root, STAMP);
  return (
    fs.existsSync(path.join(root, ".next", "BUILD_ID")) &&
    fs.existsSync(stamp) &&
    fs.readFileSync(stamp, "utf8") === sourceHash(root)
  );
}

export function recordBuild(root = process.cwd()): void {
  fs.writeFileSync(path.join(root, STAMP), sourceHash(root));
}
