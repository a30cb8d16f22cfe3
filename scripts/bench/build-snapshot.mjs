// The bench serves a private copy of the build. Others edit and rebuild this checkout while the bench runs, and
// a `next build` replaces .next under a running server: its pages then ask for chunks that no longer exist.
import { spawn } from "node:child_process";
import {
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  utimesSync,
} from "node:fs";
import path from "node:path";
import { needsBuild } from "../needs-build.mjs";
import { log, sleep } from "./log.mjs";

export function readBuildId(dir) {
  const file = path.join(dir, ".next/BUILD_ID");
  return existsSync(file) ? readFileSync(file, "utf8").trim() : null;
}

function build(root, logFile) {
  return new Promise((resolve) => {
    const out = createWriteStream(logFile);
    let output = "";
    const child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
      cwd: root,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    for (const stream of [child.stdout, child.stderr])
      stream.on("data", (chunk) => (out.write(chunk), (output += chunk)));
    child.on("exit", (code) =>
      out.end(() =>
        resolve({ ok: code === 0, busy: output.includes("Another next build process is already running") }),
      ),
    );
  });
}

/** Every chunk the build's own diagnostics list is present: the copy is of one whole build. */
function complete(dir) {
  const statsFile = path.join(dir, ".next/diagnostics/route-bundle-stats.json");
  if (!readBuildId(dir) || !existsSync(statsFile)) return false;
  return JSON.parse(readFileSync(statsFile, "utf8")).every((route) =>
    route.firstLoadChunkPaths.every((chunk) => existsSync(path.join(dir, chunk))),
  );
}

/** Builds if the sources changed, then copies the build into `benchDir/app`; returns that directory. */
export async function snapshotBuild({ root, benchDir }) {
  const app = path.join(benchDir, "app");
  const buildLog = path.join(benchDir, "build.log");
  for (let attempt = 1; attempt <= 40; attempt++) {
    if (needsBuild(root)) {
      log("wharf: sources changed since the last build, building (see .fleet/bench/build.log)…");
      const result = await build(root, buildLog);
      if (!result.ok && !result.busy) throw new Error(`next build failed; see ${buildLog}`);
      if (result.busy) log("wharf: someone else's `next build` is running in this checkout; waiting…");
      if (!result.ok) {
        await sleep(5_000);
        continue;
      }
    }
    const before = readBuildId(root);
    rmSync(app, { recursive: true, force: true });
    mkdirSync(path.join(app, "scripts"), { recursive: true });
    // Without .next/cache (build cache, tens of MB): `next start` never reads it.
    cpSync(path.join(root, ".next"), path.join(app, ".next"), {
      recursive: true,
      verbatimSymlinks: true,
      filter: (src) => !src.startsWith(path.join(root, ".next/cache")),
    });
    for (const file of [
      "next.config.js",
      "package.json",
      "public",
      "scripts/start.mjs",
      "scripts/needs-build.mjs",
      "scripts/request-guard.mjs",
      // What the start script and the request guard import from lib, outside the build.
      ...readdirSync(path.join(root, "lib/core"))
        .filter((name) => name.endsWith(".mjs"))
        .map((name) => `lib/core/${name}`),
      "lib/docker/early-lists.mjs",
    ]) {
      if (existsSync(path.join(root, file)))
        cpSync(path.join(root, file), path.join(app, file), { recursive: true });
    }
    symlinkSync(path.join(root, "node_modules"), path.join(app, "node_modules"));
    // The copies are newer than the copied BUILD_ID; start.mjs would take that for changed sources and rebuild.
    // A second ahead, because file times have nanoseconds and a Date only milliseconds.
    const later = new Date(Date.now() + 1_000);
    if (existsSync(path.join(app, ".next/BUILD_ID")))
      utimesSync(path.join(app, ".next/BUILD_ID"), later, later);
    if (before && readBuildId(root) === before && readBuildId(app) === before && complete(app)) return app;
    // A build by someone else replaced .next while it was being copied.
    await sleep(5_000);
  }
  throw new Error("could not copy a complete build of .next (it kept changing)");
}
