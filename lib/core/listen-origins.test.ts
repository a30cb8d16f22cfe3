import { describe, expect, it } from "vitest";
import { allowedHosts, allowedOrigins, isAllowedHost, listenAddress } from "./listen-origins.mjs";

describe("listenAddress", () => {
  it("listens where WHARF_HOSTNAME says, on loopback by default, and ignores the HOSTNAME Docker sets", () => {
    expect(listenAddress({ HOSTNAME: "f00dcafe1234", PORT: "3100" })).toEqual({
      hostname: "127.0.0.1",
      port: 3100,
    });
    expect(listenAddress({ WHARF_HOSTNAME: "0.0.0.0" })).toEqual({ hostname: "0.0.0.0", port: 3000 });
  });
});

describe("allowedHosts", () => {
  it("answers to the loopback names of a loopback address, with its port, and to nothing else", () => {
    const hosts = allowedHosts({ PORT: "3000" });
    expect([...hosts].sort()).toEqual(["127.0.0.1:3000", "[::1]:3000", "localhost:3000"]);
    expect(isAllowedHost("LOCALHOST:3000", hosts)).toBe(true);
    for (const host of ["127.0.0.1", "127.0.0.1:3001", "evil.example:3000", "", null, undefined]) {
      expect(isAllowedHost(host, hosts), String(host)).toBe(false);
    }
  });

  it("adds WHARF_PUBLIC_URL's host, with and without its default port", () => {
    const hosts = allowedHosts({
      WHARF_HOSTNAME: "10.0.0.5",
      PORT: "3000",
      WHARF_PUBLIC_URL: "https://wharf.example.com/",
    });
    expect([...hosts].sort()).toEqual(["10.0.0.5:3000", "wharf.example.com", "wharf.example.com:443"]);
  });

  it("answers on every interface address when listening on all of them", () => {
    const hosts = allowedHosts({ WHARF_HOSTNAME: "0.0.0.0", PORT: "80" }, ["192.168.1.4", "fe80::1"]);
    for (const host of ["192.168.1.4", "192.168.1.4:80", "[fe80::1]:80", "localhost:80", "localhost"]) {
      expect(hosts.has(host), host).toBe(true);
    }
  });
});

describe("allowedOrigins", () => {
  it("is WHARF_PUBLIC_URL's origin alone when set: scheme, host and port", () => {
    expect([...allowedOrigins({ WHARF_PUBLIC_URL: "https://wharf.example.com:8443/app" })]).toEqual([
      "https://wharf.example.com:8443",
    ]);
  });

  it("else the listening address over http, with its loopback aliases", () => {
    expect([...allowedOrigins({ PORT: "3100" })].sort()).toEqual([
      "http://127.0.0.1:3100",
      "http://[::1]:3100",
      "http://localhost:3100",
    ]);
    expect([...allowedOrigins({ WHARF_HOSTNAME: "wharf.lan", PORT: "80" })]).toEqual(["http://wharf.lan"]);
  });

  it("on a wildcard listen address, every interface address's origin", () => {
    expect([...allowedOrigins({ WHARF_HOSTNAME: "0.0.0.0", PORT: "3000" }, ["192.168.1.4"])]).toContain(
      "http://192.168.1.4:3000",
    );
  });

  it("refuses a WHARF_PUBLIC_URL that is not http(s)", () => {
    expect(() => allowedOrigins({ WHARF_PUBLIC_URL: "ftp://wharf.example.com" })).toThrow(/http/);
    expect(() => allowedOrigins({ WHARF_PUBLIC_URL: "wharf.example.com" })).toThrow();
  });
});
