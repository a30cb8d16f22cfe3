import http from "node:http";
import type net from "node:net";

/**
 * An HTTP proxy on loopback in front of an engine's unix socket that counts the bytes the engine sends for log
 * reads of one container (`/containers/ID/logs`), and can hold them unanswered so a test knows how many are
 * running at once. Everything else (other containers' logs, the watcher's reads) passes through untouched.
 */
export async function startLogProxy(socketPath: string) {
  let logBytes = 0;
  let holding = false;
  let tracked = "";
  const held = new Set<http.ServerResponse>();
  const waiters: (() => void)[] = [];
  const isLogRead = (url: string) =>
    tracked !== "" && new RegExp(`^/(v[\\d.]+/)?containers/${tracked}/logs\\?`).test(url);
  const server = http.createServer((req, res) => {
    const logRead = isLogRead(req.url ?? "");
    if (logRead && holding) {
      held.add(res);
      res.on("close", () => held.delete(res));
      for (const wake of waiters.splice(0)) wake();
      return;
    }
    const upstream = http.request(
      { socketPath, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        if (logRead) answer.on("data", (chunk: Buffer) => (logBytes += chunk.length));
        answer.pipe(res);
      },
    );
    upstream.on("error", () => res.destroy());
    res.on("close", () => upstream.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    /** The container (full id) whose log reads are counted and held. */
    track: (id: string) => void ((tracked = id), (logBytes = 0)),
    /** Bytes of log the engine sent through the proxy since the last reset. */
    logBytes: () => logBytes,
    resetLogBytes: () => void (logBytes = 0),
    /** From now on log reads wait, unanswered, until `release`. */
    hold: () => void (holding = true),
    /** Resolves once `count` log reads are waiting. */
    async held(count: number): Promise<void> {
      while (held.size < count) await new Promise<void>((resolve) => waiters.push(resolve));
    },
    heldCount: () => held.size,
    /** Drops the waiting reads (their callers see the engine fail) and lets new ones through. */
    release() {
      holding = false;
      for (const res of held) res.destroy();
    },
    async stop() {
      this.release();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
