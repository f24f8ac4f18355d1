/**
 * `npm start`: check configuration, migrate, seed, build when the sources
 * changed, then serve the production build. Each step prints one line.
 */
import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { EnvError, parseEnv } from "../lib/env";
import { prepareDatabase } from "./prepare-db";
import { buildIsCurrent, recordBuild } from "./build-if-needed";

// The server below runs the production build; configuration is checked as production.
Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? "production" });
const require = createRequire(import.meta.url);
const nextBin = require.resolve("next/dist/bin/next");
const tsxCli = require.resolve("tsx/cli");

async function main(): Promise<void> {
  const config = parseEnv(process.env);
  await prepareDatabase(config);

  if (buildIsCurrent()) {
    console.log("build: up to date");
  } else {
    console.log("build: sources changed, running next build (about a minute)…");
    const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: process.env });
    if (build.status !== 0) throw new Error("next build failed (see the output above)");
    recordBuild();
  }

  // scripts/serve.ts rather than `next start`: it gives the app the socket address (see there).
  const args = [tsxCli, "scripts/serve.ts"];
  console.log(`serving on http://${config.HOST ?? "localhost"}:${config.PORT}`);
  const server = spawn(process.execPath, args, { stdio: "inherit", env: process.env });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  if (error instanceof EnvError) console.error(error.problems.join("\n"));
  else console.error(`start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
