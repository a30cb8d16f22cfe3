import "server-only";
import os from "node:os";
import Docker from "dockerode";
import { WharfError } from "@/lib/core/errors";
import type { Host } from "./host-config";
import { sshHttpAgent } from "./ssh-agent";

// One client per host for the life of the process, so keep-alive connections and TLS sessions are reused.
const clients = new Map<string, Docker>();
const streamClients = new Map<string, Docker>();

export function getClient(host: Host): Docker {
  let client = clients.get(host.id);
  if (!client) {
    client = new Docker(clientOptions(host, host.timeoutMs));
    clients.set(host.id, client);
  }
  return client;
}

/**
 * For long-lived streams (events, logs): the modem's idle timeout would cut a quiet event stream after a few
 * seconds, so these have none; liveness is checked by pinging instead.
 */
export function getStreamClient(host: Host): Docker {
  let client = streamClients.get(host.id);
  if (!client) {
    client = new Docker(clientOptions(host, undefined));
    streamClients.set(host.id, client);
  }
  return client;
}

export function clientOptions(host: Host, timeout: number | undefined): Docker.DockerOptions {
  const url = new URL(host.url);
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
      // The Docker API as plain HTTP through Wharf's SSH agent (lib/docker/ssh-agent.ts); host and port only
      // name the engine in the Host header.
      return {
        protocol: "http",
        host: url.hostname,
        port: Number(url.port || 22),
        agent: sshHttpAgent({
          host: url.hostname.replace(/^\[|\]$/g, ""),
          port: Number(url.port || 22),
          username: decodeURIComponent(url.username) || os.userInfo().username,
          knownHosts: host.ssh?.knownHosts,
          privateKey: host.ssh?.privateKey,
          readyTimeoutMs: Math.max(host.timeoutMs, 5000),
        }),
        timeout,
        // dockerode's types leave out the modem's `agent` option, which it passes to every request.
      } as Docker.DockerOptions;
    default:
      throw new WharfError("VALIDATION", `Host "${host.id}" has an unsupported URL scheme ${url.protocol}`);
  }
}
