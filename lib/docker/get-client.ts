import "server-only";
import Docker from "dockerode";
import { WharfError } from "@/lib/api/errors";
import type { Host } from "./host-config";

// One client per host for the life of the process, so keep-alive connections and TLS sessions are reused.
const clients = new Map<string, Docker>();

export function getClient(host: Host): Docker {
  let client = clients.get(host.id);
  if (!client) {
    client = new Docker(clientOptions(host));
    clients.set(host.id, client);
  }
  return client;
}

export function clientOptions(host: Host): Docker.DockerOptions {
  const url = new URL(host.url);
  // The modem's own timeout bounds a request whose socket stays silent; deadlines per call sit on top of it.
  const timeout = host.timeoutMs;
  switch (url.protocol) {
    case "unix:":
      return { socketPath: decodeURIComponent(url.pathname), timeout };
    case "tcp:":
      return {
        host: url.hostname,
        port: Number(url.port || (host.tls ? 2376 : 2375)),
        protocol: host.tls ? "https" : "http",
        ...(host.tls ? { ca: host.tls.ca, cert: host.tls.cert, key: host.tls.key } : {}),
        timeout,
      };
    case "ssh:":
      return {
        protocol: "ssh",
        host: url.hostname,
        port: Number(url.port || 22),
        username: decodeURIComponent(url.username) || undefined,
        sshOptions: { agent: process.env.SSH_AUTH_SOCK },
        timeout,
      };
    default:
      throw new WharfError("VALIDATION", `Host "${host.id}" has an unsupported URL scheme ${url.protocol}`);
  }
}
