#!/usr/bin/env node
// The container image's command (Dockerfile): Next's standalone server, copied to /app/server.js with the files it
// needs, behind the same request guard as `npm start` (Host check, the client's socket address). No build step
// and no full node_modules here: the image holds only what the server runs.
import { chmodSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { enableCompileCache } from "../lib/core/compile-cache.mjs";
import { capYoungGeneration, limitHeapGrowth } from "../lib/core/heap-growth.mjs";
import { listenAddress } from "../lib/core/listen-origins.mjs";
import { requireSupportedNode } from "../lib/core/node-version.mjs";
import { claimDataDir, refusalLine } from "../lib/core/single-server.mjs";
import { beginEarlyLists } from "../lib/docker/early-lists.mjs";
import { guardNextServer } from "./request-guard.mjs";

requireSupportedNode();
capYoungGeneration();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { hostname, port } = listenAddress(process.env);
const dataDir = path.resolve(root, process.env.DATA_DIR || "data");

// Sessions, tokens and the audit log live there: for Wharf's user only. The image makes /data the user's; a bind
// mount of a folder it cannot write stops here with the path in the message.
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
// The engines list their containers while Next loads its code (lib/docker/early-lists.mjs).
beginEarlyLists();
process.env.DATA_DIR = dataDir;
process.env.WHARF_HOSTNAME = hostname;
process.env.PORT = String(port);
// The standalone server listens on HOSTNAME, which Docker sets to the container's id: it gets Wharf's address.
process.env.HOSTNAME = hostname;
process.env.NEXT_TELEMETRY_DISABLED = "1";
console.log(
  `[wharf] listening on http://${hostname}:${port} on Node ${process.versions.node} (data in ${dataDir})`,
);
guardNextServer(process.env);
limitHeapGrowth();
await import(pathToFileURL(path.join(root, "server.js")).href);
