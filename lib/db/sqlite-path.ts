import path from "node:path";

/** "file:./data/x.db" → absolute path; relative paths resolve against the working directory, as Prisma does. */
export function sqlitePathFromUrl(url: string, cwd: string = process.cwd()): string {
  const raw = url.replace(/^file:/, "").replace(/\?.*$/, "");
  if (raw === "") throw new Error(`DATABASE_URL "${url}" names no file`);
  return path.resolve(cwd, raw);
}
