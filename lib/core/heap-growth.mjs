// How far V8 lets Wharf's heap grow past what is live before it collects. By default V8 picks the factor itself
// (up to 4×) from how fast collection runs against the program: on a busy 2-core machine collection looks slow,
// so the heap is let grow, and a server whose live heap stays at ~80 MB was measured at 260–420 MB of RSS
// after minutes of 200 event streams and 100 list requests a second (BENCHMARKS.md, P9). Garbage there is
// mostly per-request and per-message objects that live just long enough to leave the young generation; a
// fixed factor of 1.5 makes V8 collect them before the heap has doubled: the same soak stays flat at ~200 MB,
// for a little more collection work (incremental and concurrent, off the request path for the most part).
import v8 from "node:v8";

const GROWING_PERCENT = 50;

/**
 * Applies the factor to this process unless its command line sets one already. V8 reads it each time it
 * sizes the heap after a collection, so setting it at start, before Next loads, is as good as the flag.
 * @param {readonly string[]} execArgv
 */
export function limitHeapGrowth(execArgv = process.execArgv) {
  if (execArgv.some((arg) => /^--heap[-_]growing[-_]percent/.test(arg))) return;
  v8.setFlagsFromString(`--heap-growing-percent=${GROWING_PERCENT}`);
}

// The young generation's cap, per semi-space. Node 24's V8 lets it grow to tens of MB under a steady rate of
// short-lived objects: the soak (200 streams, 100 lists a second, churn) held 306–327 MB of RSS against 219 MB
// capped at 8 MB (234 MB at 16, 205 MB at 2), with list latencies no worse (BENCHMARKS.md, P9). V8 sizes the young
// generation when the process starts, so unlike the growth factor it can only be given on the command line.
const SEMI_SPACE_MB = 8;
const SEMI_SPACE_FLAG = /^--max[-_]semi[-_]space[-_]size/;

/**
 * The arguments to start this same script again with the young generation capped, or null when it is already
 * (a flag of the operator's own, on the command line or in NODE_OPTIONS, is kept).
 * @param {readonly string[]} execArgv
 * @param {readonly string[]} argv
 * @param {string | undefined} nodeOptions
 */
export function argsWithYoungGenerationCap(execArgv, argv, nodeOptions) {
  const given = [...execArgv, ...(nodeOptions ?? "").split(/\s+/)].some((arg) => SEMI_SPACE_FLAG.test(arg));
  if (given) return null;
  return [argv[0], `--max-semi-space-size=${SEMI_SPACE_MB}`, ...execArgv, ...argv.slice(1)];
}

/**
 * Replaces this process (same pid, same environment) by the same script with the cap, before anything else is
 * done; a Node without `process.execve` (before 22.15) runs on uncapped.
 */
export function capYoungGeneration() {
  const args = argsWithYoungGenerationCap(process.execArgv, process.argv, process.env.NODE_OPTIONS);
  if (args && typeof process.execve === "function") process.execve(process.execPath, args, process.env);
}
