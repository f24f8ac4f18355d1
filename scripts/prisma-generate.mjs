// Generates both Prisma clients (SQLite and PostgreSQL) without network access.
// The Prisma CLI wants to download a native schema engine before `generate`,
// although `generate` never runs it; pointing PRISMA_SCHEMA_ENGINE_BINARY at an
// existing executable skips the download (see README, "Offline Prisma").
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");
const stub = existsSync("/bin/true") ? "/bin/true" : process.execPath;

for (const provider of ["sqlite", "postgresql"]) {
  const result = spawnSync(
    process.execPath,
    [cli, "generate", "--schema", `prisma/${provider}/schema.prisma`],
    {
      stdio: ["ignore", "pipe", "inherit"],
      env: {
        ...process.env,
        PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? stub,
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
        CHECKPOINT_DISABLE: "1",
      },
    },
  );
  if (result.status !== 0) {
    console.error(`prisma generate failed for prisma/${provider}/schema.prisma`);
    process.exit(result.status ?? 1);
  }
  console.log(`prisma client generated for ${provider}`);
}
