import { describe, expect, it } from "vitest";
import { parseAllowList, refusalFor, type FleetEndpoint } from "./destination-rule";

const none = parseAllowList(undefined);
const bravo: FleetEndpoint = { label: "the Docker engine of bravo", address: "127.0.0.1", port: 23751 };
const registry: FleetEndpoint = { label: "the registry 127.0.0.1:5000", address: "127.0.0.1", port: 5000 };
const fleet = [bravo, registry];

describe("where an alert may go", () => {
  it("refuses loopback, private, link-local and unspecified addresses, also written as IPv6", () => {
    for (const address of [
      "127.0.0.1",
      "127.9.9.9",
      "10.0.0.5",
      "172.16.3.4",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "::",
      "fd00::1",
      "fe80::1",
      "::ffff:127.0.0.1",
      "::ffff:10.0.0.1",
      "::ffff:a00:1",
      "0:0:0:0:0:ffff:7f00:1",
    ])
      expect(refusalFor(address, 80, none, []), address).toMatch(/loopback, private or link-local/);
  });

  it("lets public addresses through", () => {
    for (const address of ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "172.32.0.1"])
      expect(refusalFor(address, 443, none, fleet), address).toBeNull();
  });

  it("lets what WHARF_ALERT_ALLOW_HOSTS names through: addresses and ranges", () => {
    const allow = parseAllowList(" 127.0.0.1 , 10.0.0.0/8,::1");
    expect(refusalFor("127.0.0.1", 8080, allow, fleet)).toBeNull();
    expect(refusalFor("10.200.1.1", 8080, allow, fleet)).toBeNull();
    expect(refusalFor("::1", 8080, allow, fleet)).toBeNull();
    expect(refusalFor("127.0.0.2", 8080, allow, fleet)).toMatch(/loopback/);
    expect(refusalFor("192.168.0.1", 8080, allow, fleet)).toMatch(/private/);
  });

  it("refuses the fleet's engines and registries on any loopback address, even with loopback allowed", () => {
    const allow = parseAllowList("127.0.0.0/8");
    expect(refusalFor("127.0.0.1", 23751, allow, fleet)).toMatch(/the Docker engine of bravo/);
    expect(refusalFor("127.0.0.2", 23751, allow, fleet)).toMatch(/the Docker engine of bravo/);
    expect(refusalFor("::ffff:127.0.0.1", 5000, allow, fleet)).toMatch(/the registry 127\.0\.0\.1:5000/);
    expect(refusalFor("127.0.0.1", 23752, allow, fleet)).toBeNull();
    const publicEngine = { label: "the Docker engine of far", address: "203.0.113.9", port: 2376 };
    expect(refusalFor("203.0.113.9", 2376, none, [publicEngine])).toMatch(/far/);
  });

  it("lets a fleet endpoint through only when the allow list names that exact address and port", () => {
    const allow = parseAllowList("127.0.0.1,127.0.0.1:5000,[::1]:8080");
    expect(refusalFor("127.0.0.1", 5000, allow, fleet)).toBeNull();
    expect(refusalFor("127.0.0.1", 23751, allow, fleet)).toMatch(/bravo/);
    expect(refusalFor("::1", 8080, allow, [])).toBeNull();
    expect(refusalFor("::1", 8081, allow, [])).toMatch(/loopback/);
  });

  it("names an allow-list entry that is not an address, range or address:port", () => {
    for (const entry of ["hooks.internal", "10.0.0.0/33", "1.2.3", "10.0.0.0/8/1", "127.0.0.1:99999"])
      expect(() => parseAllowList(`127.0.0.1,${entry}`), entry).toThrow(`"${entry}"`);
  });
});
