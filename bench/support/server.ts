/**
 * The production server for a load run, started the way scripts/e2e-server.ts
 * does it: a fresh database migrated and seeded by scripts/prepare-db.ts, then
 * `next start` on its own port. Builds first when .next is missing or stale.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildIsCurrent, recordBuild } from "../../scripts/build-if-needed";
import { freePort } from "../../scripts/test-support/postgres";

const require = createRequire(import.meta.url);
const nextBin = require.resolve("next/dist/bin/next");
const tsxCli = require.resolve("tsx/cli");

export type RunningServer = { origin: string; logFile: string; stop: () => Promise<void> };

export function ensureBuild(): void {
  if (buildIsCurrent()) {
    console.log("build: up to date");
    return;
  }
  console.log("build: .next missing or stale, running next build…");
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: process.env });
  if (build.status !== 0) throw new Error("next build failed (see the output above)");
  recordBuild();
}

const PROBE = path.join(import.meta.dirname, "server-probe.mjs");

/**
 * Starts the server on BENCH_PORT when set (so parallel runs can be kept apart),
 * else on a free port. With `probeFile`, server-probe.mjs writes its timeline there.
 */
export async function startServer(
  databaseUrl: string,
  options: { probeFile?: string } = {},
): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "gradus-bench-server-"));
  const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : await freePort();
  const probe = options.probeFile
    ? {
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import=${pathToFileURL(PROBE).href}`.trim(),
        GRADUS_PROBE_FILE: options.probeFile,
      }
    : {};
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    HOST: "127.0.0.1",
    PORT: String(port),
    // Required in production with PostgreSQL; any 32+ characters do for a bench.
    SESSION_SECRET: "bench-secret-bench-secret-bench-secret",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const prepare = spawnSync(process.execPath, [tsxCli, "scripts/prepare-db.ts"], { env, encoding: "utf8" });
  Object.assign(env, probe);
  if (prepare.status !== 0) throw new Error(`prepare-db failed:\n${prepare.stdout}${prepare.stderr}`);
  process.stdout.write(prepare.stdout.replace(/^/gm, "  "));

  const logFile = path.join(dataDir, "server.log");
  const log = fs.openSync(logFile, "a");
  const server: ChildProcess = spawn(
    process.execPath,
    [nextBin, "start", "-H", "127.0.0.1", "-p", String(port)],
    {
      env,
      stdio: ["ignore", log, log],
    },
  );
  const origin = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }
    fs.closeSync(log);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilHealthy(origin, server);
  } catch (error) {
    console.error(fs.readFileSync(logFile, "utf8"));
    await stop();
    throw error;
  }
  return { origin, logFile, stop };
}

async function waitUntilHealthy(origin: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    try {
      const res = await fetch(`${origin}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server at ${origin} did not answer /api/health within 60 s`);
}
