/**
 * A private PostgreSQL cluster for the test run: installed with apt when the
 * binaries are missing, started on a free loopback port with trust auth in a
 * temporary directory, and removed again at the end.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export type PgCluster = { url: string; stop: () => void };

function findPgBin(): string | null {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return null;
  const versions = fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, "bin", "initdb")));
  versions.sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], "bin") : null;
}

export function ensurePostgresInstalled(): string {
  const existing = findPgBin();
  if (existing) return existing;
  console.log("postgres: not installed; installing the Debian package (apt-get install -y postgresql)…");
  aptInstall("postgresql");
  const installed = findPgBin();
  if (!installed)
    throw new Error("postgresql was installed but initdb was not found under /usr/lib/postgresql");
  return installed;
}

export function aptInstall(pkg: string): void {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  const run = (args: string[]) =>
    spawnSync(sudo[0] ?? args[0]!, sudo.length ? args : args.slice(1), { stdio: "inherit", env });
  let result = run(["apt-get", "install", "-y", "--no-install-recommends", pkg]);
  if (result.status !== 0) {
    run(["apt-get", "update"]);
    result = run(["apt-get", "install", "-y", "--no-install-recommends", pkg]);
  }
  if (result.status !== 0) throw new Error(`apt-get install ${pkg} failed`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startPostgres(): Promise<PgCluster> {
  const bin = ensurePostgresInstalled();
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gradus-pg-"));
  const asRoot = process.getuid?.() === 0;
  // initdb refuses to run as root: run the server as the postgres user instead.
  if (asRoot) execFileSync("chown", ["-R", "postgres:postgres", dir]);
  const pgRun = (cmd: string, args: string[]) => {
    const full = path.join(bin, cmd);
    const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", full, ...args]] : [full, args];
    execFileSync(file, argv, { stdio: ["ignore", "pipe", "pipe"], cwd: dir });
  };
  const data = path.join(dir, "data");
  pgRun("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8"]);
  pgRun("pg_ctl", [
    "-D",
    data,
    "-l",
    path.join(dir, "server.log"),
    "-w",
    "-o",
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
    "start",
  ]);
  const stop = () => {
    try {
      pgRun("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  return { url: `postgresql://postgres@127.0.0.1:${port}/postgres`, stop };
}
