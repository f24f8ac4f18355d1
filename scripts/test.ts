/**
 * `npm test`: every suite, in order, with a summary. Installs what it needs
 * (PostgreSQL and Chromium from Debian packages) when missing. Writes the
 * summary to .test-results/summary.txt; its last line is "N passed, N failed".
 */
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { BENCHES } from "../bench/all";
import { buildIsCurrent, recordBuild } from "./build-if-needed";
import { aptInstall, startPostgres } from "./test-support/postgres";

type Result = { suite: string; passed: number; failed: number; seconds: number; note?: string };
const results: Result[] = [];
const OUT = ".test-results";
fs.rmSync(OUT, { recursive: true, force: true });
fs.mkdirSync(OUT, { recursive: true });

const baseEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: "0" };
const only = process.argv.slice(2);
const wanted = (suite: string) => only.length === 0 || only.some((o) => suite.startsWith(o));

function run(cmd: string, args: string[], options: SpawnSyncOptions = {}): number {
  const result = spawnSync(cmd, args, { stdio: "inherit", env: baseEnv, ...options });
  return result.status ?? 1;
}

function timed(suite: string, fn: () => Omit<Result, "suite" | "seconds">): void {
  if (!wanted(suite)) return;
  console.log(`\n=== ${suite} ===`);
  const start = Date.now();
  let outcome: Omit<Result, "suite" | "seconds">;
  try {
    outcome = fn();
  } catch (error) {
    outcome = { passed: 0, failed: 1, note: (error as Error).message };
    console.error(`${suite}: ${(error as Error).message}`);
  }
  results.push({ suite, ...outcome, seconds: (Date.now() - start) / 1000 });
}

/** A check that is one test: passes or fails as a whole. */
function check(cmd: string, args: string[]): Omit<Result, "suite" | "seconds"> {
  const ok = run(cmd, args) === 0;
  return { passed: ok ? 1 : 0, failed: ok ? 0 : 1 };
}

function vitest(
  project: string,
  name: string,
  env: Record<string, string> = {},
): Omit<Result, "suite" | "seconds"> {
  const report = path.join(OUT, `${name}.json`);
  const code = run(
    process.execPath,
    [
      "node_modules/vitest/vitest.mjs",
      "run",
      "--project",
      project,
      "--reporter=default",
      "--reporter=json",
      `--outputFile=${report}`,
    ],
    { env: { ...baseEnv, ...env } },
  );
  return countVitest(report, code);
}

function countVitest(report: string, code: number): Omit<Result, "suite" | "seconds"> {
  if (!fs.existsSync(report)) return { passed: 0, failed: 1, note: `no report (exit ${code})` };
  const json = JSON.parse(fs.readFileSync(report, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numFailedTestSuites: number;
  };
  // A file that fails to load has no tests but must still count as a failure.
  const failed =
    json.numFailedTests +
    (json.numFailedTests === 0 && code !== 0 ? Math.max(1, json.numFailedTestSuites) : 0);
  return { passed: json.numPassedTests, failed };
}

function ensureChromium(): void {
  if (fs.existsSync("/usr/bin/chromium")) return;
  console.log("chromium: not installed; installing the Debian package (apt-get install -y chromium)…");
  aptInstall("chromium");
}

/** `next build` unless the last one was of these very sources (scripts/build-if-needed.ts). */
function buildOnce(): boolean {
  if (buildIsCurrent()) return true;
  if (run(process.execPath, ["node_modules/next/dist/bin/next", "build"]) !== 0) return false;
  recordBuild();
  return true;
}

function playwright(): Omit<Result, "suite" | "seconds"> {
  ensureChromium();
  // The multi-instance suite and the grading bench in bench-quick reuse this build.
  if (!buildOnce()) return { passed: 0, failed: 1, note: "next build failed" };
  const report = path.join(OUT, "e2e.json");
  const code = run(process.execPath, ["node_modules/@playwright/test/cli.js", "test"], {
    env: { ...baseEnv, PLAYWRIGHT_JSON_OUTPUT_NAME: report },
  });
  if (!fs.existsSync(report)) return { passed: 0, failed: 1, note: `no report (exit ${code})` };
  const json = JSON.parse(fs.readFileSync(report, "utf8")) as {
    stats: { expected: number; unexpected: number; flaky: number };
  };
  const failed = json.stats.unexpected + (json.stats.unexpected === 0 && code !== 0 ? 1 : 0);
  return { passed: json.stats.expected + json.stats.flaky, failed };
}

/**
 * Every bench of bench/all.ts in quick mode, one test each: passed when it exits 0 and
 * printed its figures. So a bench that no longer runs fails CI instead of rotting.
 */
function benchQuick(pgAdminUrl: string | undefined): Omit<Result, "suite" | "seconds"> {
  let passed = 0;
  const failures: string[] = [];
  for (const bench of BENCHES) {
    console.log(`\n--- npm run ${bench.script} -- --quick ---`);
    const start = Date.now();
    const result = spawnSync("npm", ["run", "--silent", bench.script, "--", "--quick"], {
      env: { ...baseEnv, ...(pgAdminUrl ? { BENCH_PG_URL: pgAdminUrl } : {}) },
      encoding: "utf8",
      maxBuffer: 64 << 20,
    });
    const output = `${result.stdout}${result.stderr}`;
    process.stdout.write(output);
    const missing = bench.figures.filter((figure) => !figure.test(output));
    const seconds = ((Date.now() - start) / 1000).toFixed(1);
    if (result.status === 0 && missing.length === 0) {
      passed++;
      console.log(`--- ${bench.script}: passed in ${seconds} s`);
    } else {
      const why = result.status !== 0 ? `exit ${result.status}` : `no ${missing.join(", ")} in its output`;
      failures.push(`${bench.script} (${why})`);
      console.log(`--- ${bench.script}: FAILED in ${seconds} s: ${why}`);
    }
  }
  return { passed, failed: failures.length, note: failures.length ? failures.join("; ") : undefined };
}

async function main(): Promise<void> {
  timed("typecheck", () => check(process.execPath, ["node_modules/typescript/bin/tsc", "--noEmit"]));
  timed("lint", () =>
    check(process.execPath, ["node_modules/eslint/bin/eslint.js", "--max-warnings", "0", "."]),
  );
  timed("format", () => check(process.execPath, ["node_modules/prettier/bin/prettier.cjs", "--check", "."]));
  timed("unit", () => vitest("unit", "unit"));
  timed("integration-sqlite", () =>
    vitest("integration", "integration-sqlite", { GRADUS_TEST_DB: "sqlite" }),
  );

  // One PostgreSQL cluster for the integration suite and the benches' quick runs.
  let cluster: Awaited<ReturnType<typeof startPostgres>> | undefined;
  let clusterError: string | undefined;
  if (wanted("integration-postgresql") || wanted("bench-quick")) {
    try {
      cluster = await startPostgres();
    } catch (error) {
      clusterError = (error as Error).message;
      console.error(`postgres: ${clusterError}`);
    }
  }
  try {
    if (wanted("integration-postgresql")) {
      if (cluster) {
        const url = cluster.url;
        timed("integration-postgresql", () =>
          vitest("integration", "integration-postgresql", {
            GRADUS_TEST_DB: "postgresql",
            TEST_PG_ADMIN_URL: url,
          }),
        );
        // Three `npm start` at once on one empty database; needs the production build.
        timed("multi-instance-postgresql", () =>
          buildOnce()
            ? vitest("multi-instance", "multi-instance-postgresql", { TEST_PG_ADMIN_URL: url })
            : { passed: 0, failed: 1, note: "next build failed" },
        );
      } else {
        results.push({
          suite: "integration-postgresql",
          passed: 0,
          failed: 1,
          seconds: 0,
          note: clusterError,
        });
      }
    }

    timed("e2e", playwright);

    // After e2e: the grading bench serves the build e2e just made.
    timed("bench-quick", () => benchQuick(cluster?.url));
  } finally {
    cluster?.stop();
  }

  const lines = results.map(
    (r) =>
      `${r.suite.padEnd(24)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed  ${r.seconds.toFixed(1).padStart(6)} s${r.note ? `  (${r.note})` : ""}`,
  );
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  const summary = [...lines, `${passed} passed, ${failed} failed`].join("\n");
  fs.writeFileSync(path.join(OUT, "summary.txt"), summary + "\n");
  console.log(`\n${summary}`);
  process.exit(failed === 0 ? 0 : 1);
}

void main();
