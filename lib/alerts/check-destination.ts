import "server-only";
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { alertConfig } from "./alert-config";
import { plainAddress, refusalFor } from "./destination-rule";
import { fleetEndpoints } from "./fleet-endpoints";

export type Destination =
  { ok: true; address: string; family: 4 | 6 } | { ok: false; refused: boolean; error: string };

/**
 * Resolves a channel's host and checks every address it has, just before sending: a name may point elsewhere
 * than when the channel was saved. The caller connects to the address returned, never resolving the name again,
 * so a name that answers a public address to this check and 127.0.0.1 to the connection gets nowhere.
 */
export async function checkDestination(hostname: string, port: number): Promise<Destination> {
  const host = plainAddress(hostname);
  let addresses: { address: string; family: number }[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await lookup(host, { all: true, verbatim: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "error";
      return { ok: false, refused: false, error: `${code} (the name ${host} did not resolve)` };
    }
  }
  const { allowHosts } = alertConfig();
  const fleet = await fleetEndpoints();
  for (const { address } of addresses) {
    const refusal = refusalFor(address, port, allowHosts, fleet);
    if (refusal) return { ok: false, refused: true, error: `refused: ${refusal}` };
  }
  const first = addresses[0];
  if (!first) return { ok: false, refused: false, error: `the name ${host} has no address` };
  return { ok: true, address: first.address, family: first.family === 6 ? 6 : 4 };
}
