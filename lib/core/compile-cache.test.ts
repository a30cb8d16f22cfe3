import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { COMPILE_CACHE_DIR } from "./compile-cache.mjs";

const moduleUrl = new URL("./compile-cache.mjs", import.meta.url).href;
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "wharf-compile-cache-"));
  writeFileSync(path.join(dir, "some-code.cjs"), "module.exports = (a, b) => a + b;\n");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A process of its own (the cache is per process), started as scripts/start.mjs starts: enable, then load code. */
function start(env: Record<string, string> = {}) {
  const script = `
    const { enableCompileCache, flushCompileCache } = await import(${JSON.stringify(moduleUrl)});
    enableCompileCache(${JSON.stringify(dir)});
    (await import("node:module")).createRequire(${JSON.stringify(path.join(dir, "x.js"))})("./some-code.cjs");
    flushCompileCache();`;
  execFileSync(process.execPath, ["--input-type=module", "-e", script], {
    env: { ...process.env, NODE_COMPILE_CACHE: undefined, ...env },
  });
}

function files(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, encoding: "utf8" }).filter((name) =>
    statSync(path.join(folder, name)).isFile(),
  );
}

describe("the compile cache", () => {
  it("keeps what a start compiled in the data folder (0700: start.mjs), not in the shared temporary folder", () => {
    start();
    const cache = path.join(dir, COMPILE_CACHE_DIR);
    expect(files(cache).length).toBeGreaterThan(0);
  });

  it("leaves a folder NODE_COMPILE_CACHE chose alone", () => {
    const chosen = path.join(dir, "chosen");
    start({ NODE_COMPILE_CACHE: chosen });
    expect(files(path.join(dir, COMPILE_CACHE_DIR))).toEqual([]);
    expect(files(chosen).length).toBeGreaterThan(0);
  });
});
