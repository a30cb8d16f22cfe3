import { BlockList, isIP } from "node:net";

/**
 * Where an alert may go. A channel's URL is an admin's word, but Wharf's own network position is worth more than
 * that: from here a POST reaches the Docker engines (root on every host), the registry and whatever else listens
 * on loopback or the private network, past the roles and `allowedImages`. So internal addresses are refused
 * unless the server's configuration (WHARF_ALERT_ALLOW_HOSTS) names them, and the fleet's own engines and
 * registries even then, unless it names that exact address and port.
 */
export type AllowList = { ranges: BlockList; exact: Set<string>; text: string };

/** A place the fleet file or Docker's configuration points Wharf to: never an alert's destination. */
export type FleetEndpoint = { label: string; address: string; port: number };

const internal = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  internal.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  internal.addSubnet(network, prefix, "ipv6");
const loopback = new BlockList();
loopback.addSubnet("127.0.0.0", 8, "ipv4");
loopback.addAddress("::1", "ipv6");

/**
 * An IPv4 address written as IPv6 (::ffff:10.0.0.1, which a URL turns into ::ffff:a00:1) is that IPv4 address: it
 * must not slip past its range.
 */
export function plainAddress(address: string): string {
  const bare = address.replace(/^\[|\]$/g, "").toLowerCase();
  const dotted = /^(?:0{0,4}:){0,5}:?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  if (dotted) return dotted[1]!;
  const hex = /^(?:0{0,4}:){0,5}:?ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(bare);
  if (!hex || isIP(bare) !== 6) return bare;
  const [high, low] = [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

const family = (address: string) => (isIP(address) === 6 ? "ipv6" : "ipv4");
export const isInternal = (address: string) => internal.check(address, family(address));
const isLoopback = (address: string) => loopback.check(address, family(address));
const exactKey = (address: string, port: number) => `${address}|${port}`;

/**
 * WHARF_ALERT_ALLOW_HOSTS: comma-separated addresses (127.0.0.1, ::1), ranges (10.0.0.0/8) and exact
 * address:port pairs (127.0.0.1:5000, [::1]:8080). Throws naming the entry that is none of these.
 */
export function parseAllowList(text: string | undefined): AllowList {
  const ranges = new BlockList();
  const exact = new Set<string>();
  for (const raw of (text ?? "").split(",")) {
    const entry = raw.trim();
    if (!entry) continue;
    const withPort = /^\[?([^\]]+?)\]?:(\d{1,5})$/.exec(entry);
    if (withPort && isIP(plainAddress(withPort[1]!)) && Number(withPort[2]) <= 65535) {
      exact.add(exactKey(plainAddress(withPort[1]!), Number(withPort[2])));
      continue;
    }
    const [network = "", prefix, ...rest] = entry.split("/");
    const address = plainAddress(network);
    const version = isIP(address);
    const bits = prefix === undefined ? (version === 6 ? 128 : 32) : Number(prefix);
    if (!version || rest.length > 0 || !/^\d{1,3}$/.test(String(bits)) || bits > (version === 6 ? 128 : 32))
      throw new Error(
        `WHARF_ALERT_ALLOW_HOSTS: "${entry}" is not an IP address, a range (10.0.0.0/8) or an address:port`,
      );
    ranges.addSubnet(address, bits, family(address));
  }
  return { ranges, exact, text: text ?? "" };
}

/**
 * Why an alert may not be sent to `address`:`port` (one address its host name resolved to), or null when it may.
 * A fleet endpoint on loopback counts on every loopback address: an engine listening on all of them answers on
 * 127.0.0.2 as well.
 */
export function refusalFor(
  rawAddress: string,
  port: number,
  allow: AllowList,
  fleet: readonly FleetEndpoint[],
): string | null {
  const address = plainAddress(rawAddress);
  if (allow.exact.has(exactKey(address, port))) return null;
  const engine = fleet.find(
    (endpoint) =>
      endpoint.port === port &&
      (plainAddress(endpoint.address) === address ||
        (isLoopback(address) &&
          isIP(plainAddress(endpoint.address)) &&
          isLoopback(plainAddress(endpoint.address)))),
  );
  if (engine)
    return `${address} port ${port} is ${engine.label}: Wharf does not send alerts to its own fleet (WHARF_ALERT_ALLOW_HOSTS can name this exact address:port)`;
  if (isInternal(address) && !allow.ranges.check(address, family(address)))
    return `${address} is a loopback, private or link-local address (WHARF_ALERT_ALLOW_HOSTS can allow it)`;
  return null;
}
