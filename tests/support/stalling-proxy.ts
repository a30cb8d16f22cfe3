import http from "node:http";
import type net from "node:net";

/**
 * An HTTP proxy on loopback in front of an engine's unix socket that leaves the inspects of chosen containers
 * unanswered, as dockerd does for a container whose lock a stuck reaping holds, and passes everything else
 * through (streams included). `release` lets those inspects through again.
 */
export async function startStallingProxy(socketPath: string, stalled: Set<string>) {
  const held = new Set<http.ServerResponse>();
  const stalls = (url: string) =>
    [...stalled].some((id) => new RegExp(`/containers/${id}/json(\\?|$)`).test(url));
  const server = http.createServer((req, res) => {
    if (stalls(req.url ?? "")) {
      held.add(res);
      res.on("close", () => held.delete(res));
      return;
    }
    const upstream = http.request(
      { socketPath, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
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
    release() {
      stalled.clear();
    },
    async stop() {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
