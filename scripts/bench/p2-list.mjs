// P2 — the fleet list at scale: Wharf's GET /api/containers (answered from memory) against one direct
// GET /containers/json?all=1 to an engine, the cheapest call that lists one host's containers.
import { timedGet } from "./http-timing.mjs";
import { log } from "./log.mjs";
import { single, summarize } from "./stats.mjs";

const WARMUP = 3;

export async function runFleetList({ server, baselineEngine, trials }) {
  const engineCall = {
    socketPath: baselineEngine.socketPath,
    path: "/v1.41/containers/json?all=1",
    agent: baselineEngine.agent,
  };
  const wharfPlain = { url: `${server.url}/api/containers`, headers: server.headers };
  // What a browser asks for: Next compresses the JSON when the client accepts it, which costs server time.
  const wharfGzip = {
    url: `${server.url}/api/containers`,
    headers: { ...server.headers, "accept-encoding": "gzip" },
  };
  for (let i = 0; i < WARMUP; i++) {
    await timedGet(engineCall);
    await timedGet(wharfPlain);
    await timedGet(wharfGzip);
  }

  const direct = [];
  const plain = [];
  const gzip = [];
  let plainBytes = 0;
  let gzipBytes = 0;
  let gzipEncoding = null;
  // Interleaved, so a burst of background load hits both sides rather than one.
  for (let i = 0; i < trials; i++) {
    const e = await timedGet(engineCall);
    const p = await timedGet(wharfPlain);
    const g = await timedGet(wharfGzip);
    if (e.status !== 200 || p.status !== 200 || g.status !== 200)
      throw new Error(`P2: unexpected status ${e.status}/${p.status}/${g.status}`);
    direct.push(e.ms);
    plain.push(p.ms);
    gzip.push(g.ms);
    plainBytes = p.bytes;
    gzipBytes = g.bytes;
    gzipEncoding = g.encoding;
  }
  const directBytes = (await timedGet(engineCall)).bytes;
  log(
    `P2 list: Wharf median ${summarize(plain).median.toFixed(1)} ms, ${baselineEngine.id} direct median ${summarize(direct).median.toFixed(1)} ms`,
  );
  return {
    direct: summarize(direct),
    plain: summarize(plain),
    gzip: summarize(gzip),
    plainBytes: single(plainBytes),
    gzipBytes: single(gzipBytes),
    gzipEncoding,
    directBytes: single(directBytes),
  };
}
