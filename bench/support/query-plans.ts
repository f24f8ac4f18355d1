/**
 * The SQL Prisma actually sends for one `nextCards` call, and the database's
 * plan for each query that reads CardState, ReviewLog or Card in bulk.
 */
import Database from "better-sqlite3";
import { createDb, type Db } from "../../lib/db/client";
import { sqlitePathFromUrl } from "../../lib/db/sqlite-path";
import type { BenchDbKind } from "./databases";
import { withClient } from "./databases";

type Captured = { query: string; params: unknown[] };

/** A client of the app's own kind (createDb, so it knows its dialect) that records every statement it runs. */
function recordingClient(url: string, out: Captured[]): Db {
  return createDb(url, {
    onQuery: (e) => out.push({ query: e.query, params: JSON.parse(e.params) as unknown[] }),
  });
}

/** The bulk reads of building the queue: the due and fresh-cards queries (both filter on buriedUntil) and today's log counts. */
const isQueueQuery = (sql: string) => /buriedUntil|GROUP BY/.test(sql);

function medianMs(fn: () => void): string {
  const times: number[] = [];
  for (let i = 0; i < 21; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[10]!.toFixed(2);
}

export async function explainQueue(
  kind: BenchDbKind,
  url: string,
  run: (db: Db) => Promise<unknown>,
): Promise<string[]> {
  const captured: Captured[] = [];
  const db = recordingClient(url, captured);
  try {
    await run(db);
  } finally {
    await db.$disconnect();
  }
  const lines: string[] = [];
  const queries = captured.filter((c) => isQueueQuery(c.query));
  if (kind === "sqlite") {
    const sqlite = new Database(sqlitePathFromUrl(url), { readonly: true });
    try {
      for (const q of queries) {
        lines.push(`SQL: ${q.query}`);
        const params = q.params.map((p) => (typeof p === "boolean" ? Number(p) : p));
        const plan = sqlite.prepare(`EXPLAIN QUERY PLAN ${q.query}`).all(...(params as unknown[])) as {
          id: number;
          parent: number;
          detail: string;
        }[];
        const stmt = sqlite.prepare(q.query);
        lines.push(`  raw median ${medianMs(() => void stmt.all(...(params as unknown[])))} ms`);
        const depth = new Map<number, number>([[0, 0]]);
        for (const row of plan) {
          const d = (depth.get(row.parent) ?? 0) + 1;
          depth.set(row.id, d);
          lines.push(`${"  ".repeat(d)}${row.detail}`);
        }
      }
    } finally {
      sqlite.close();
    }
  } else {
    await withClient(url, async (client) => {
      for (const q of queries) {
        lines.push(`SQL: ${q.query}`);
        const res = await client.query(`EXPLAIN (ANALYZE, BUFFERS OFF, COSTS OFF) ${q.query}`, q.params);
        for (const row of res.rows as { "QUERY PLAN": string }[]) lines.push(`  ${row["QUERY PLAN"]}`);
        const times: number[] = [];
        for (let i = 0; i < 21; i++) {
          const t0 = performance.now();
          await client.query(q.query, q.params);
          times.push(performance.now() - t0);
        }
        lines.push(`  raw median ${times.sort((a, b) => a - b)[10]!.toFixed(2)} ms`);
      }
    });
  }
  return lines;
}
