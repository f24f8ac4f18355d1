import { env } from "@/lib/env";
import { createDb, type Db } from "./client";

export type { Db };

// One client per server process; kept on globalThis so dev hot reloads reuse it.
const holder = globalThis as unknown as { gradusDb?: Db };

export function db(): Db {
  holder.gradusDb ??= createDb(env().DATABASE_URL);
  return holder.gradusDb;
}
