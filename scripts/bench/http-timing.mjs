// Times whole HTTP exchanges (request sent → last body byte) over kept-alive connections, so Wharf and the
// engine are compared on the same terms.
import http from "node:http";
import { nowMs } from "./log.mjs";

const wharfAgent = new http.Agent({ keepAlive: true, maxSockets: 4 });

/** GET over TCP (Wharf) or a unix socket (an engine). Resolves with elapsed ms, status and body bytes. */
export function timedGet({ url, socketPath, path, agent, headers = {} }) {
  return new Promise((resolve, reject) => {
    const target = url ? new URL(url) : null;
    const started = nowMs();
    const req = http.request(
      target
        ? {
            host: target.hostname,
            port: target.port,
            path: target.pathname + target.search,
            agent: agent ?? wharfAgent,
            headers,
          }
        : { socketPath, path, agent, headers: { host: "docker", ...headers } },
      (res) => {
        let bytes = 0;
        res.on("data", (chunk) => (bytes += chunk.length));
        res.on("end", () =>
          resolve({
            ms: nowMs() - started,
            status: res.statusCode,
            bytes,
            encoding: res.headers["content-encoding"] ?? null,
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end();
  });
}
