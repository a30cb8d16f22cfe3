#!/usr/bin/env node
// `npm start`: build when the sources are newer than the last build, then serve Wharf.
// Defaults are safe: 127.0.0.1 only, because whoever reaches Wharf reaches every Docker engine it manages.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { enableCompileCache } from "../lib/core/compile-cache.mjs";
import { capYoungGeneration, limitHeapGrowth } from "../lib/core/heap-growth.mjs";
import { listenAddress } from "../lib/core/listen-origins.mjs";
import { requireSupportedNode } from "../lib/core/node-version.mjs";
import { claimDataDir, refusalLine } from "../lib/core/single-server.mjs";
import { beginEarlyLists } from "../lib/docker/early-lists.mjs";
import { needsBuild } from "./needs-build.mjs";
import { guardNextServer } from "./request-guard.mjs";

requireSupportedNode();
capYoungGeneration();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { hostname, port } = listenAddress(process.env);
const dataDir = path.resolve(root, process.env.DATA_DIR || "data");
process.env.NEXT_TELEMETRY_DISABLED = "1";
const next = path.join(root, "node_modules", "next", "dist", "bin", "next");

// Sessions, tokens and the audit log live there: for Wharf's user only (an existing folder is fixed too).
mkdirSync(dataDir, { recursive: true, mode: 0o700 });
chmodSync(dataDir, 0o700);
// With SQLite (no DATABASE_URL) one server owns the data folder; PostgreSQL lets several share the database.
if (!process.env.DATABASE_URL?.trim()) {
  const claim = await claimDataDir(dataDir);
  if (!claim.claimed) {
    console.error(refusalLine(dataDir, claim.owner));
    process.exit(1);
  }
}
enableCompileCache(dataDir);
if (needsBuild(root)) {
  console.log("[wharf] building (sources changed since the last build)…");
  const build = spawnSync(process.execPath, [next, "build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
// The engines list their containers while Next loads its code (lib/docker/early-lists.mjs).
beginEarlyLists();

console.log(
  `[wharf] listening on http://${hostname}:${port} on Node ${process.versions.node} (data in ${dataDir})`,
);
// Next runs in this very process rather than a child: a launcher process of its own would cost ~40 MB of
// memory for nothing but forwarding signals.
process.env.DATA_DIR = dataDir;
// The app reads the listening address from these for its Origin check (lib/core/listen-origins.mjs).
process.env.WHARF_HOSTNAME = hostname;
process.env.PORT = String(port);
guardNextServer(process.env);
limitHeapGrowth();
// The build is standalone output (for the container image); `next start` serves it all the same, and this keeps
// next.config.js from asking for standalone output, which would make Next warn that `next start` does not work.
process.env.WHARF_NEXT_START = "1";
process.argv = [process.execPath, next, "start", "--hostname", hostname, "--port", String(port)];
await import(pathToFileURL(next).href);
