#!/usr/bin/env node
// `npm start`: build when the sources are newer than the last build, then serve Wharf.
// Defaults are safe: 127.0.0.1 only, because whoever reaches Wharf reaches every Docker engine it manages.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = process.env.PORT || "3000";
const hostname = process.env.HOSTNAME || "127.0.0.1";
const dataDir = path.resolve(root, process.env.DATA_DIR || "data");
process.env.NEXT_TELEMETRY_DISABLED = "1";
const next = path.join(root, "node_modules", "next", "dist", "bin", "next");

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function needsBuild() {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const sources = [
    "app",
    "components",
    "lib",
    "public",
    "instrumentation.ts",
    "next.config.js",
    "package-lock.json",
  ];
  const newest = Math.max(...sources.map((source) => newestMtime(path.join(root, source))));
  return newest > statSync(buildId).mtimeMs;
}

mkdirSync(dataDir, { recursive: true });
if (needsBuild()) {
  console.log("[wharf] building (sources changed since the last build)…");
  const build = spawnSync(process.execPath, [next, "build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

console.log(`[wharf] listening on http://${hostname}:${port} (data in ${dataDir})`);
// Next runs in this very process rather than a child: a launcher process of its own would cost ~40 MB of
// memory for nothing but forwarding signals.
process.env.DATA_DIR = dataDir;
process.argv = [process.execPath, next, "start", "--hostname", hostname, "--port", port];
await import(pathToFileURL(next).href);
