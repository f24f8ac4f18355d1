/**
 * Loaded into the bench's production server with `node --import` (GRADUS_PROBE_FILE
 * names the output): one JSON line per thing that can make a request slow, with
 * wall-clock times, so the bench can line its slowest requests up against them.
 * - request: every request the server answered, with its start, duration, and
 *   its connection's number and when that connection was accepted
 * - accept: a new connection
 * - gc: every garbage collection pause of 20 ms or more
 * - stall: the event loop did not turn for 100 ms or more, split from
 *   /proc/thread-self/schedstat into time on a CPU (our own work), time waiting
 *   for a CPU (the machine was busy) and the rest (blocked in the kernel: disk
 *   I/O such as fsync, or a lock)
 * - lock: a SQLite lock hold (lib/db/serialized-sqlite.ts) that waited 250 ms
 *   or more, or ran 50 ms or more
 * - second: per second, the most requests in flight and the longest lock queue
 * Lines reach the file every 250 ms.
 * Plain JavaScript, so the server needs no loader for it.
 */
import diagnostics from "node:diagnostics_channel";
import fs from "node:fs";
import { PerformanceObserver, constants } from "node:perf_hooks";

const file = process.env.GRADUS_PROBE_FILE;
if (file) {
  const out = fs.openSync(file, "a");
  const lines = [];
  const write = (event) => lines.push(JSON.stringify(event));
  const flush = () => {
    if (lines.length) fs.writeSync(out, lines.splice(0).join("\n") + "\n");
  };
  const wall = (relative) => performance.timeOrigin + relative;

  const started = new WeakMap();
  const connections = new WeakMap();
  let connectionCount = 0;
  diagnostics.subscribe("net.server.socket", ({ socket }) => {
    const at = wall(performance.now());
    connections.set(socket, { id: ++connectionCount, at, requests: 0 });
    write({ t: "accept", at, connection: connectionCount });
  });
  let inFlight = 0;
  let maxInFlight = 0;
  let maxQueue = 0;
  diagnostics.subscribe("http.server.request.start", ({ response }) => {
    started.set(response, performance.now());
    maxInFlight = Math.max(maxInFlight, ++inFlight);
  });
  diagnostics.subscribe("http.server.response.finish", ({ request, response }) => {
    const start = started.get(response);
    if (start === undefined) return;
    inFlight--;
    const id = request.headers["x-bench-id"];
    const connection = connections.get(request.socket);
    if (connection) connection.requests++;
    write({
      t: "request",
      at: wall(start),
      ms: performance.now() - start,
      path: request.url,
      id,
      connection: connection?.id,
      nth: connection?.requests,
      acceptedAt: connection?.at,
    });
  });

  const kinds = {
    [constants.NODE_PERFORMANCE_GC_MAJOR]: "major",
    [constants.NODE_PERFORMANCE_GC_MINOR]: "minor",
    [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: "incremental",
    [constants.NODE_PERFORMANCE_GC_WEAKCB]: "weakcb",
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.duration >= 20)
        write({ t: "gc", at: wall(entry.startTime), ms: entry.duration, kind: kinds[entry.detail?.kind] });
    }
  }).observe({ entryTypes: ["gc"] });

  // Nanoseconds on a CPU and waiting for one, for the main thread (Linux only).
  const schedstat = () => {
    try {
      const [run, wait] = fs.readFileSync("/proc/thread-self/schedstat", "utf8").split(" ").map(Number);
      return { run, wait };
    } catch {
      return undefined;
    }
  };
  let last = performance.now();
  let lastSched = schedstat();
  setInterval(() => {
    const now = performance.now();
    const sched = schedstat();
    if (now - last >= 110) {
      const ms = now - last - 10;
      const split =
        sched && lastSched
          ? { cpuMs: (sched.run - lastSched.run) / 1e6, waitCpuMs: (sched.wait - lastSched.wait) / 1e6 }
          : {};
      write({ t: "stall", at: wall(last + 10), ms, ...split });
    }
    last = now;
    lastSched = sched;
  }, 10).unref();

  diagnostics.subscribe("gradus:sqlite-lock", (e) => {
    maxQueue = Math.max(maxQueue, e.queuedAhead);
    if (e.waitedMs >= 250 || e.heldMs >= 50)
      write({
        t: "lock",
        at: wall(e.askedAt),
        operation: e.operation,
        sql: e.sql.slice(0, 80),
        waitedMs: e.waitedMs,
        heldMs: e.heldMs,
        queuedAhead: e.queuedAhead,
      });
  });

  setInterval(() => {
    write({ t: "second", at: wall(performance.now()), maxInFlight, maxQueue });
    maxInFlight = inFlight;
    maxQueue = 0;
  }, 1000).unref();
  setInterval(flush, 250).unref();
  process.on("exit", flush);
}
