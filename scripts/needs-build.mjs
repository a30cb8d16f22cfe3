// When `npm start` must build first: the sources are newer than the last build. Shared with the test helper,
// which refuses to test an old build rather than building inside a test's time limit.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/** @param {string} target */
function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) {
    // Unit tests live beside the code but are no part of the build.
    if (!/\.test\.tsx?$/.test(entry)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

/** @param {string} root the checkout */
export function needsBuild(root) {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const sources = [
    "app",
    "components",
    "lib",
    "public",
    "instrumentation.ts",
    "proxy.ts",
    "next.config.js",
    "package-lock.json",
  ];
  const newest = Math.max(...sources.map((source) => newestMtime(path.join(root, source))));
  return newest > statSync(buildId).mtimeMs;
}
