import { chmodSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HostsResponse } from "@/lib/fleet/types";
import { readFleetFile } from "../support/fleet";
import { rawRequest, streamBody } from "../support/raw-http";
import { startWharf, TEST_ADMIN, type RunningServer } from "../support/wharf-server";
import { passFolder } from "../support/pass";

// The edge of the server: who is calling (the real socket address), from which page (Origin), under which name
// (Host), with what body. Each server here has its own port and data dir.
const dir = path.join(passFolder, "integration", `edge-${Date.now().toString(36)}`);
const dataDir = path.join(dir, "data");
const alpha = readFleetFile().hosts.find((h) => h.id === "alpha")!;
const bravo = readFleetFile().hosts.find((h) => h.id === "bravo")!;
// Credentials and a query in a host URL: neither may ever be shown.
const bravoUrl = bravo.url.replace("tcp://", "tcp://wharf:p%2Fss@") + "/?token=s3cret";

let server: RunningServer;
beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  const fleetFile = path.join(dir, "hosts.json");
  writeFileSync(fleetFile, JSON.stringify({ hosts: [alpha, { id: "bravo", url: bravoUrl }] }));
  // A data folder and an (empty) database left world-readable, as earlier versions made them.
  mkdirSync(dataDir, { mode: 0o755 });
  chmodSync(dataDir, 0o755);
  writeFileSync(path.join(dataDir, "wharf.db"), "");
  chmodSync(path.join(dataDir, "wharf.db"), 0o644);
  server = await startWharf({ port: 3150, fleetConfig: fleetFile, dataDir });
});
afterAll(() => server?.stop());

type ErrorJson = { error: { code: string; message: string } };
const signIn = (
  options: { password?: string; from?: string; headers?: Record<string, string>; type?: string } = {},
) =>
  rawRequest(`${server.url}/api/auth/login`, {
    method: "POST",
    localAddress: options.from,
    headers: { "content-type": options.type ?? "application/json", ...options.headers },
    body: JSON.stringify({
      username: TEST_ADMIN.username,
      password: options.password ?? TEST_ADMIN.password,
    }),
  });
const audit = async () =>
  (
    (await (await server.fetch("/api/audit?limit=200")).json()) as {
      entries: { action: string; address: string | null }[];
    }
  ).entries;

describe("signing in", () => {
  it("counts failures per client address: 127.0.0.2 failing for admin does not lock admin out of 127.0.0.1", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await signIn({ password: `wrong-${i}`, from: "127.0.0.2" })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect((await signIn({ from: "127.0.0.2" })).status).toBe(429);

    expect((await signIn({ from: "127.0.0.1" })).status).toBe(200);
    const failures = (await audit()).filter((e) => e.action === "login-failed");
    expect(failures.map((e) => e.address)).toEqual(Array(5).fill("127.0.0.2"));
  });

  it("ignores an x-wharf-client-address header sent by the client", async () => {
    const spoofed = { "x-wharf-client-address": "10.9.9.9" };
    // Still 127.0.0.2, still blocked, whatever it claims.
    expect((await signIn({ from: "127.0.0.2", headers: spoofed })).status).toBe(429);
    expect((await signIn({ from: "127.0.0.1", headers: spoofed })).status).toBe(200);
    const logins = (await audit()).filter((e) => e.action === "login");
    expect(logins[0]?.address).toBe("127.0.0.1");
    expect(logins.map((e) => e.address)).not.toContain("10.9.9.9");
  });

  it("refuses a text/plain body with 415, which is what a hostile page can post without asking", async () => {
    const response = await signIn({ type: "text/plain;charset=UTF-8" });
    expect(response.status).toBe(415);
    expect((JSON.parse(response.text) as ErrorJson).error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("refuses another site's page with 403, and lets curl or a script (no Origin, no Sec-Fetch-Site) in", async () => {
    const crossSite = { origin: "http://evil.example", "sec-fetch-site": "cross-site" };
    const refused = await signIn({ headers: crossSite });
    expect(refused.status).toBe(403);
    expect((JSON.parse(refused.text) as ErrorJson).error.message).toContain("Cross-origin request refused");
    expect((await signIn({ headers: { origin: "null" } })).status).toBe(403);
    expect((await signIn({ headers: { origin: server.url, "sec-fetch-site": "same-origin" } })).status).toBe(
      200,
    );
    expect((await signIn()).status).toBe(200);
  });
});

describe("bodies", () => {
  const HUNDRED_MB = 100 * 1024 * 1024;

  it("answers a declared 100 MB sign-in body with 413 before taking it, and stays healthy", async () => {
    const { status, sentBytes } = await streamBody(`${server.url}/api/auth/login`, {
      totalBytes: HUNDRED_MB,
      declareLength: true,
      headersOnly: true,
    });
    expect({ status, sentBytes }).toEqual({ status: 413, sentBytes: 0 });
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it("stops reading a chunked body past the cap with 413, and stays healthy", async () => {
    const { status, sentBytes } = await streamBody(`${server.url}/api/auth/login`, {
      totalBytes: HUNDRED_MB,
      declareLength: false,
    });
    expect(status).toBe(413);
    expect(sentBytes).toBeLessThan(HUNDRED_MB);
    const tooLarge = await rawRequest(`${server.url}/api/deploy`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${server.token}` },
      body: JSON.stringify({ hostId: "alpha", container: "x".repeat(70 * 1024) }),
    });
    expect(tooLarge.status).toBe(413);
    expect((JSON.parse(tooLarge.text) as ErrorJson).error.code).toBe("PAYLOAD_TOO_LARGE");
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
});

describe("bodies on pages", () => {
  const FIFTY_MB = 50 * 1024 * 1024;

  it("answers a declared 50 MB POST to /login with 413 on its headers, not 200 after buffering 10 MB", async () => {
    // No byte of the body is sent: Next, which buffered 10 MB before answering, would never answer this.
    const { status, sentBytes } = await streamBody(`${server.url}/login`, {
      totalBytes: FIFTY_MB,
      declareLength: true,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      headersOnly: true,
    });
    expect({ status, sentBytes }).toEqual({ status: 413, sentBytes: 0 });
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it("refuses a chunked body on a page, and any page body over 4 KB, naming the rule", async () => {
    const chunked = await streamBody(`${server.url}/`, { totalBytes: FIFTY_MB, declareLength: false });
    expect(chunked.status).toBe(413);
    const large = await rawRequest(`${server.url}/settings?tab=x`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "x".repeat(5 * 1024),
    });
    expect(large.status).toBe(413);
    expect(JSON.parse(large.text) as ErrorJson).toMatchObject({
      error: { code: "PAYLOAD_TOO_LARGE", message: expect.stringContaining("Pages take no request body") },
    });
    // Signing in posts to the API, which still takes its body; the page itself still loads.
    expect((await signIn()).status).toBe(200);
    expect((await fetch(`${server.url}/login`)).status).toBe(200);
  });
});

describe("origins and hosts", () => {
  async function sessionCookie(): Promise<string> {
    const response = await signIn();
    return String(response.headers["set-cookie"]).split(";")[0]!;
  }
  const change = (cookie: string, headers: Record<string, string>) =>
    rawRequest(`${server.url}/api/actions/restart-crashed`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, ...headers },
      body: JSON.stringify({ __probe: true }),
    });

  it("answers Origin: null and a malformed Origin with 403, not 500", async () => {
    const cookie = await sessionCookie();
    for (const origin of ["null", "http://[", "not an origin"]) {
      expect((await change(cookie, { origin })).status, origin).toBe(403);
    }
    // Wharf's own page gets past the check (and stops at the probe body).
    expect((await change(cookie, { origin: server.url })).status).toBe(400);
  });

  it("compares the scheme and port of the Origin too, not just its host", async () => {
    const cookie = await sessionCookie();
    const https = server.url.replace("http://", "https://");
    expect((await change(cookie, { origin: https, "sec-fetch-site": "same-site" })).status).toBe(403);
    expect((await change(cookie, { origin: https })).status).toBe(403);
  });

  it("answers a Host that is not Wharf's with 421 on every route, pages and static files included", async () => {
    const port = new URL(server.url).port;
    for (const pathname of ["/api/health", "/", "/login", "/_next/static/nothing.js", "/robots.txt"]) {
      const response = await rawRequest(`${server.url}${pathname}`, {
        headers: { host: `rebound.example:${port}` },
      });
      expect(response.status, pathname).toBe(421);
    }
    // Even when the forged Origin agrees with the forged Host.
    const cookie = await sessionCookie();
    const rebound = await change(cookie, {
      host: `rebound.example:${port}`,
      origin: `http://rebound.example:${port}`,
    });
    expect(rebound.status).toBe(421);
    expect((JSON.parse(rebound.text) as ErrorJson).error.code).toBe("MISDIRECTED");
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`]) {
      expect((await rawRequest(`${server.url}/api/health`, { headers: { host } })).status, host).toBe(200);
    }
  });

  it("sends the Content-Security-Policy with every HTML answer, prefetches included", async () => {
    const prefetches: Record<string, string>[] = [
      {},
      { purpose: "prefetch" },
      { "next-router-prefetch": "1" },
      { "sec-purpose": "prefetch" },
    ];
    for (const headers of prefetches) {
      const response = await rawRequest(`${server.url}/login`, { headers });
      expect(response.headers["content-type"], JSON.stringify(headers)).toMatch(/^text\/html/);
      expect(response.headers["content-security-policy"], JSON.stringify(headers)).toMatch(
        /script-src 'self' 'nonce-/,
      );
    }
    // Next's own 404 page for an unknown API path never passes proxy.ts: it gets a policy all the same.
    const notFound = await rawRequest(`${server.url}/api/no-such-route`);
    expect(notFound.headers["content-type"]).toMatch(/^text\/html/);
    expect(notFound.headers["content-security-policy"]).toMatch(/script-src 'self'/);
  });
});

describe("what is kept and shown", () => {
  it("keeps the data folder 0700 and the database files 0600, fixing modes an earlier start left open", () => {
    const mode = (name: string) => (statSync(path.join(dataDir, name)).mode & 0o777).toString(8);
    expect(mode(".")).toBe("700");
    expect(["wharf.db", "wharf.db-wal", "wharf.db-shm"].map(mode)).toEqual(["600", "600", "600"]);
  });

  it("never shows a host URL's credentials or query", async () => {
    const { hosts } = (await (await server.fetch("/api/hosts")).json()) as HostsResponse;
    const shown = hosts.find((h) => h.id === "bravo");
    expect(shown?.url).toBe(bravo.url);
    expect(shown?.status).toBe("up");
  });
});

describe("a Wharf in a container, behind a proxy", () => {
  it("listens on 127.0.0.1 despite the HOSTNAME Docker sets, and takes changes only from WHARF_PUBLIC_URL", async () => {
    const fleetFile = path.join(dir, "alpha.json");
    writeFileSync(fleetFile, JSON.stringify({ hosts: [alpha] }));
    const publicUrl = "https://wharf.test.example";
    const proxied = await startWharf({
      port: 3151,
      fleetConfig: fleetFile,
      dataDir: path.join(dir, "data-proxied"),
      env: { HOSTNAME: "127.0.0.3", WHARF_HOSTNAME: undefined, WHARF_PUBLIC_URL: publicUrl },
    });
    try {
      const port = Number(new URL(proxied.url).port);
      expect(await connects("127.0.0.3", port)).toBe(false);
      // The proxy forwards the public name; browsers there send the public origin.
      const viaProxy = { host: "wharf.test.example", origin: publicUrl, "sec-fetch-site": "same-origin" };
      const login = await rawRequest(`${proxied.url}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json", ...viaProxy },
        body: JSON.stringify(TEST_ADMIN),
      });
      expect(login.status).toBe(200);
      const cookie = String(login.headers["set-cookie"]).split(";")[0]!;
      const change = (headers: Record<string, string>) =>
        rawRequest(`${proxied.url}/api/actions/restart-crashed`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie, ...headers },
          body: JSON.stringify({ __probe: true }),
        });
      expect((await change(viaProxy)).status).toBe(400);
      expect((await change({ origin: "http://wharf.test.example", host: "wharf.test.example" })).status).toBe(
        403,
      );
      expect((await change({ origin: proxied.url })).status).toBe(403);
    } finally {
      await proxied.stop();
    }
  });
});

function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
