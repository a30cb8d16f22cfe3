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
