import "server-only";
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { loadFleet } from "@/lib/docker/load-fleet";
import { configuredRegistries, registryOf } from "@/lib/docker/registry-auth";
import { plainAddress, type FleetEndpoint } from "./destination-rule";

type Named = { label: string; host: string; port: number };

/**
 * The addresses of the fleet's engines (tcp:// and ssh:// hosts) and of the registries Wharf is told about
 * (the hosts' `allowedImages`, Docker's config file), read at every send: a name may resolve elsewhere now.
 */
export async function fleetEndpoints(): Promise<FleetEndpoint[]> {
  const named: Named[] = [];
  for (const host of loadFleet()) {
    const url = new URL(host.url);
    if (url.protocol === "tcp:")
      named.push({
        label: `the Docker engine of ${host.id}`,
        host: url.hostname,
        port: Number(url.port || 2375),
      });
    if (url.protocol === "ssh:")
      named.push({ label: `the SSH server of ${host.id}`, host: url.hostname, port: Number(url.port || 22) });
    for (const pattern of host.allowedImages ?? []) named.push(...registry(pattern.split("/")[0] ?? ""));
  }
  for (const name of configuredRegistries()) named.push(...registry(name));
  const resolved = await Promise.all(named.map(resolve));
  return resolved.flat();
}

function registry(hostPort: string): Named[] {
  if (registryOf(`${hostPort}/x`) !== hostPort) return [];
  const url = new URL(`http://${hostPort}`);
  const label = `the registry ${hostPort}`;
  // A registry named without a port answers on 443, or 80 when it is plain HTTP.
  return url.port
    ? [{ label, host: url.hostname, port: Number(url.port) }]
    : [80, 443].map((port) => ({ label, host: url.hostname, port }));
}

async function resolve(endpoint: Named): Promise<FleetEndpoint[]> {
  const host = plainAddress(endpoint.host);
  if (isIP(host)) return [{ label: endpoint.label, address: host, port: endpoint.port }];
  const addresses = await lookup(host, { all: true }).catch(() => []);
  return addresses.map(({ address }) => ({ label: endpoint.label, address, port: endpoint.port }));
}
