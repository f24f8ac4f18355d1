/** The server Playwright starts: an empty SQLite database (or E2E_DATABASE_URL), migrated, on the production build. */
import { spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import { parseEnv } from "../lib/env";
import { prepareDatabase } from "./prepare-db";

const require = createRequire(import.meta.url);
const dataDir = "./data/e2e";
fs.rmSync(dataDir, { recursive: true, force: true });
Object.assign(process.env, {
  NODE_ENV: "production",
  DATA_DIR: dataDir,
  DATABASE_URL: process.env.E2E_DATABASE_URL ?? `file:${dataDir}/gradus.db`,
});

const config = parseEnv(process.env);
await prepareDatabase(config);
// The production server as `npm start` runs it (scripts/serve.ts, not bare `next start`).
const server = spawn(process.execPath, [require.resolve("tsx/cli"), "scripts/serve.ts"], {
  stdio: "inherit",
  env: { ...process.env, HOST: config.HOST ?? "127.0.0.1" },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
