// Node's on-disk cache of compiled code (module.enableCompileCache): most of a start is V8 compiling the code of
// Next and of Wharf's server bundles (the profile of a start against 20 engines: half a second of it), and from
// the second start on the cache hands it back compiled. Its key is each file's content, so a new build misses
// and refills it by itself. It lives in the data folder, which only Wharf's user can write: compiled code read
// back from a folder others can write (the default is under the system's temporary folder) would run as Wharf.
import module from "node:module";
import path from "node:path";

export const COMPILE_CACHE_DIR = ".node-compile-cache";

/**
 * Turns the cache on for this process (what it compiles from now on), unless NODE_COMPILE_CACHE already chose
 * a folder or the Node has no such cache. A cache that cannot be written is only slower: never an error.
 * @param {string} dataDir
 */
export function enableCompileCache(dataDir) {
  if (process.env.NODE_COMPILE_CACHE || typeof module.enableCompileCache !== "function") return;
  module.enableCompileCache(path.join(dataDir, COMPILE_CACHE_DIR));
}

/** Writes what was compiled so far: a server killed rather than stopped would otherwise never write it. */
export function flushCompileCache() {
  if (typeof module.flushCompileCache === "function") module.flushCompileCache();
}
