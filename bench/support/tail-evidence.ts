/**
 * Reads the server probe's timeline (server-probe.mjs) and says what the
 * slowest requests overlapped: garbage collection, event-loop stalls, long
 * SQLite lock holds and waits. This is the evidence for the grading tail.
 */
import fs from "node:fs";

type RequestEvent = {
  t: "request";
  at: number;
  ms: number;
  path: string;
  id?: string;
  nth?: number;
  acceptedAt?: number;
};
type GcEvent = { t: "gc"; at: number; ms: number; kind: string };
type StallEvent = { t: "stall"; at: number; ms: number; cpuMs?: number; waitCpuMs?: number };
type LockEvent = {
  t: "lock";
  at: number;
  operation: string;
  sql: string;
  waitedMs: number;
  heldMs: number;
  queuedAhead: number;
};
type SecondEvent = { t: "second"; at: number; maxInFlight: number; maxQueue: number };
type ProbeEvent = RequestEvent | GcEvent | StallEvent | LockEvent | SecondEvent;

const overlaps = (a: { at: number; ms: number }, from: number, to: number) => a.at < to && a.at + a.ms > from;
const f = (ms: number) => `${Math.round(ms)} ms`;

/** Lines for the bench output, for requests that started within [from, to] (wall clock ms). */
export function tailEvidence(
  file: string,
  from: number,
  to: number,
  client: Map<string, { at: number; ms: number }>,
  slowest = 5,
): string[] {
  const events = fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as ProbeEvent)
    .filter((e) => e.at >= from - 30_000 && e.at <= to + 30_000);
  const requests = events.filter((e): e is RequestEvent => e.t === "request" && e.at >= from && e.at <= to);
  const gcs = events.filter((e): e is GcEvent => e.t === "gc");
  const stalls = events.filter((e): e is StallEvent => e.t === "stall");
  const locks = events.filter((e): e is LockEvent => e.t === "lock");
  const seconds = events.filter((e): e is SecondEvent => e.t === "second" && e.at >= from && e.at <= to);
  if (requests.length === 0) return ["probe: no requests recorded"];

  const lines: string[] = [];
  const inRun = <T extends { at: number; ms: number }>(xs: T[]) => xs.filter((x) => overlaps(x, from, to));
  const runGcs = inRun(gcs);
  const runStalls = inRun(stalls);
  const sum = (xs: { ms: number }[]) => xs.reduce((s, x) => s + x.ms, 0);
  const max = (xs: number[]) => (xs.length ? Math.max(...xs) : 0);
  lines.push(
    `server side: ${requests.length} requests, max ${f(max(requests.map((r) => r.ms)))}; ` +
      `GC pauses ≥ 20 ms: ${runGcs.length} (longest ${f(max(runGcs.map((g) => g.ms)))}, ${runGcs.filter((g) => g.kind === "major").length} major); ` +
      `event-loop stalls ≥ 100 ms: ${runStalls.length} (longest ${f(max(runStalls.map((s) => s.ms)))}, ${f(sum(runStalls))} in all)`,
  );
  lines.push(
    `most requests in flight ${max(seconds.map((s) => s.maxInFlight))}; longest SQLite lock queue ${max(seconds.map((s) => s.maxQueue))}`,
  );
  const holds = locks.filter((l) => l.at >= from && l.at <= to).sort((a, b) => b.heldMs - a.heldMs);
  for (const l of holds.slice(0, 3))
    lines.push(`  long lock hold: ${f(l.heldMs)} ${l.operation} ${JSON.stringify(l.sql)}`);

  const stallSplit = (xs: StallEvent[]) => {
    const total = sum(xs);
    const cpu = xs.reduce((t, x) => t + (x.cpuMs ?? 0), 0);
    const waitCpu = xs.reduce((t, x) => t + (x.waitCpuMs ?? 0), 0);
    return `${f(total)} (${xs.length}: on CPU ${f(cpu)}, waiting for a CPU ${f(waitCpu)}, blocked ${f(Math.max(0, total - cpu - waitCpu))})`;
  };
  lines.push(`  all stalls: ${stallSplit(runStalls)}`);
  const byId = new Map(requests.filter((r) => r.id).map((r) => [r.id!, r]));
  const sent = [...client].filter(([, c]) => c.at >= from && c.at <= to).sort((a, b) => b[1].ms - a[1].ms);
  for (const [id, c] of sent.slice(0, slowest)) {
    const end = c.at + c.ms;
    const server = byId.get(id);
    const g = gcs.filter((x) => overlaps(x, c.at, end));
    const s = stalls.filter((x) => overlaps(x, c.at, end));
    const l = locks.filter((x) => overlaps({ at: x.at, ms: x.waitedMs + x.heldMs }, c.at, end));
    const longestWait = l.reduce<LockEvent | undefined>(
      (m, x) => (!m || x.waitedMs > m.waitedMs ? x : m),
      undefined,
    );
    const longestHold = l.reduce<LockEvent | undefined>(
      (m, x) => (!m || x.heldMs > m.heldMs ? x : m),
      undefined,
    );
    lines.push(
      `  slow request at +${((c.at - from) / 1000).toFixed(1)} s: ${f(c.ms)} at the client` +
        (server
          ? `, ${f(server.ms)} in the handler (entered after ${f(server.at - c.at)}; request ${server.nth ?? "?"} of its connection` +
            (server.acceptedAt ? `, accepted after ${f(server.acceptedAt - c.at)})` : ")")
          : "") +
        `; meanwhile GC ${f(sum(g))} (${g.length}), loop stalls ${stallSplit(s)}` +
        `, longest lock wait ${f(longestWait?.waitedMs ?? 0)}` +
        (longestWait ? ` (${longestWait.queuedAhead} queued ahead)` : "") +
        `, longest hold ${f(longestHold?.heldMs ?? 0)}` +
        (longestHold ? ` (${longestHold.operation} ${JSON.stringify(longestHold.sql.slice(0, 40))})` : ""),
    );
  }
  return lines;
}
