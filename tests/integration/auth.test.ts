import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { ActionResult } from "@/lib/actions/types";
import type { ApiTokenInfo } from "@/lib/auth/types";
import type { ContainerResponse } from "@/lib/fleet/types";
import { allEndpoints } from "@/lib/openapi/all-endpoints";
import { authHeaders } from "../support/api";
import {
  docker,
  readFleetFile,
  removeTestContainers,
  repoRoot,
  runContainer,
  uniqueName,
} from "../support/fleet";
import { buildAndPush, REGISTRY } from "../support/images";
import { post } from "../support/post";
import { startWharf, TEST_ADMIN } from "../support/wharf-server";
import { passFolder } from "../support/pass";

// The only routes anyone may call without signing in. Adding to this list is a security decision.
const PUBLIC = new Set([
  "GET /api/health",
  "POST /api/auth/login",
  "GET /api/auth/setup",
  // Single sign-on: a browser not signed in yet goes to the provider and comes back through these.
  "GET /api/auth/oidc/start",
  "GET /api/auth/oidc/callback",
  "GET /api/openapi.json",
]);
const MUTATING = ["POST", "PUT", "PATCH", "DELETE"];
// The one change every signed-in caller may make, whatever the role: ending their own session.
const EVERYONE = new Set(["POST /api/auth/logout"]);
// A body no route accepts: a mutation that gets past authorisation stops at validation, changing nothing.
const PROBE = JSON.stringify({ __probe: true });

type Endpoint = { method: string; url: string; declared: string; label: string };

/**
 * Every endpoint Wharf serves, from the declarations its route files serve (lib/openapi/openapi.test.ts fails
 * when a route file serves anything else), with a URL that reaches it.
 */
function endpoints(): Endpoint[] {
  const sample: Record<string, string> = { hostId: "alpha", nameOrId: "no-such-container", id: "999999" };
  return allEndpoints().map(({ endpoint }) => {
    const url = endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => sample[name] ?? `no-such-${name}`);
    return { method: endpoint.method, url, declared: endpoint.auth, label: `${endpoint.method} ${url}` };
  });
}

/** Route files whose exported handlers are not all wrapped by route(…), which enforces declared access. */
function unwrappedHandlers(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry === "route.ts") {
        const source = readFileSync(full, "utf8");
        const exported = [
          ...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g),
        ].length;
        const wrapped = [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE) = route\(/g)].length;
        if (exported !== wrapped) found.push(path.relative(repoRoot, full));
      }
    }
  };
  walk(path.join(repoRoot, "app"));
  return found;
}

async function call(endpoint: Endpoint, headers: Record<string, string> = {}): Promise<number> {
  const response = await fetch(`${inject("wharfUrl")}${endpoint.url}`, {
    method: endpoint.method,
    headers: { "content-type": "application/json", ...headers },
    body: endpoint.method === "GET" ? undefined : PROBE,
    signal: AbortSignal.timeout(15_000),
  });
  await response.body?.cancel();
  return response.status;
}

const tokens: Record<"viewer" | "operator", string> = { viewer: "", operator: "" };

beforeAll(async () => {
  for (const role of ["viewer", "operator"] as const) {
    const { body } = await post<{ token: string }>("/api/tokens", {
      name: `auth-test-${role}-${Date.now()}`,
      role,
    });
    tokens[role] = body.token;
  }
});

describe("every route Wharf serves", () => {
  const all = endpoints();

  it("is found, and every handler is wrapped with a declared access level", () => {
    expect(all.length).toBeGreaterThan(20);
    expect(unwrappedHandlers()).toEqual([]);
    expect(
      all
        .filter((e) => e.declared === "public")
        .map((e) => e.label)
        .sort(),
    ).toEqual([...PUBLIC].sort());
  });

  it("answers 401 without credentials, except the public ones", async () => {
    for (const endpoint of all.filter((e) => !PUBLIC.has(e.label))) {
      expect(await call(endpoint), endpoint.label).toBe(401);
    }
  });

  it("answers 403 to a viewer on every mutation, and lets a viewer read", async () => {
    for (const endpoint of all.filter((e) => !PUBLIC.has(e.label))) {
      const status = await call(endpoint, authHeaders(tokens.viewer));
      if (
        (MUTATING.includes(endpoint.method) && !EVERYONE.has(endpoint.label)) ||
        endpoint.declared === "admin"
      ) {
        expect(status, endpoint.label).toBe(403);
      } else expect([401, 403], endpoint.label).not.toContain(status);
    }
  });

  it("lets an operator through every operator route, and only admins into admin ones", async () => {
    for (const endpoint of all.filter((e) => !PUBLIC.has(e.label))) {
      const status = await call(endpoint, authHeaders(tokens.operator));
      if (endpoint.declared === "admin") expect(status, endpoint.label).toBe(403);
      else expect([401, 403, 500], endpoint.label).not.toContain(status);
      expect([401, 403, 500], `${endpoint.label} as admin`).not.toContain(
        await call(endpoint, authHeaders()),
      );
    }
  });
});

describe("browser sessions", () => {
  it("refuse a cross-origin change made with a valid session cookie", async () => {
    const url = inject("wharfUrl");
    const login = await fetch(`${url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(TEST_ADMIN),
    });
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    expect(login.headers.get("set-cookie")).toMatch(/HttpOnly/);
    expect(login.headers.get("set-cookie")).toMatch(/SameSite=Strict/);
    const attempt = (headers: Record<string, string>) =>
      fetch(`${url}/api/actions/restart-crashed`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie, ...headers },
        body: PROBE,
      });

    const evil = await attempt({ origin: "http://evil.example", "sec-fetch-site": "cross-site" });
    expect(evil.status).toBe(403);
    expect(((await evil.json()) as { error: { message: string } }).error.message).toContain(
      "Cross-origin request refused",
    );
    expect((await attempt({})).status).toBe(403);
    // The same request from Wharf's own page gets past the check (and stops at the probe body).
    expect((await attempt({ origin: url, "sec-fetch-site": "same-origin" })).status).toBe(400);
    // Reading with the cookie needs no origin.
    expect((await fetch(`${url}/api/auth/me`, { headers: { cookie } })).status).toBe(200);
    // Signing out revokes it.
    await fetch(`${url}/api/auth/logout`, { method: "POST", headers: { cookie, origin: url } });
    expect((await fetch(`${url}/api/auth/me`, { headers: { cookie } })).status).toBe(401);
  });
});

describe("secrets and tokens", () => {
  afterAll(() => removeTestContainers("alpha"));

  it("masks environment values for every role (tests/integration/secrets.test.ts reveals one)", async () => {
    const name = uniqueName("it-secret");
    await runContainer(
      "alpha",
      name,
      ["--env", "DB_PASSWORD=hunter2", "--env", "MODE=prod"],
      ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"],
    );
    const read = async (token: string) => {
      const response = await fetch(`${inject("wharfUrl")}/api/containers/alpha/${name}`, {
        headers: authHeaders(token),
      });
      return ((await response.json()) as ContainerResponse).container.env;
    };
    const asViewer = await read(tokens.viewer);
    expect(asViewer).toContain("DB_PASSWORD=••••••");
    expect(asViewer).toContain("MODE=••••••");
    expect(JSON.stringify(asViewer)).not.toContain("hunter2");
    expect(await read(tokens.operator)).toContain("DB_PASSWORD=••••••");
    expect(JSON.stringify(await read(inject("wharfToken")))).not.toContain("hunter2");
  });

  it("a CI pipeline's operator token redeploys through the deploy hook, and the history names the token", async () => {
    const ref = `${REGISTRY}/it-hook-${Date.now().toString(36)}:latest`;
    await buildAndPush("alpha", ref, { version: "one" });
    const name = uniqueName("it-hooked");
    await runContainer("alpha", name, [], [], ref);
    const two = await buildAndPush("alpha", ref, { version: "two" });
    const { body: jenkins } = await post<{ token: string }>("/api/tokens", {
      name: `jenkins-${Date.now()}`,
      role: "operator",
    });
    const { status, body } = await post<ActionResult>(
      "/api/deploy",
      { hostId: "alpha", container: name, graceSeconds: 1 },
      undefined,
      jenkins.token,
    );
    expect(status).toBe(200);
    expect(body.outcome).toBe("succeeded");
    expect(body.entry).toMatchObject({
      actor: expect.stringMatching(/^jenkins-/),
      source: "api",
      imageIdAfter: two.id,
    });
    expect(await docker("alpha", "exec", name, "cat", "/version")).toBe("two");
  });
});

describe("API tokens and the user who made them", () => {
  const url = () => inject("wharfUrl");
  const PASSWORD = "asw-maker-password";
  const call = async (
    method: string,
    pathname: string,
    credentials: { token?: string; cookie?: string },
    body?: unknown,
  ) => {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (credentials.cookie) Object.assign(headers, { cookie: credentials.cookie, origin: url() });
    else Object.assign(headers, authHeaders(credentials.token));
    const response = await fetch(`${url()}${pathname}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const asAdmin = (method: string, pathname: string, body?: unknown) => call(method, pathname, {}, body);
  const me = async (token: string) => {
    const answer = await call("GET", "/api/auth/me", { token });
    return { status: answer.status, role: (answer.body.principal as { role?: string } | undefined)?.role };
  };
  const listed = async (id: number) =>
    ((await asAdmin("GET", "/api/tokens")).body.tokens as ApiTokenInfo[]).find((t) => t.id === id)!;

  /** A new admin, signed in with a session of their own. */
  async function newAdmin(): Promise<{ id: number; username: string; cookie: string }> {
    const username = uniqueName("asw-maker");
    const created = await asAdmin("POST", "/api/users", { username, password: PASSWORD, role: "admin" });
    expect(created.status).toBe(200);
    const login = await fetch(`${url()}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    return { id: (created.body.user as { id: number }).id, username, cookie };
  }

  it("acts with at most its maker's role, is refused while they are disabled, and is revoked when they are deleted", async () => {
    const maker = await newAdmin();
    const made = await call(
      "POST",
      "/api/tokens",
      { cookie: maker.cookie },
      { name: uniqueName("asw-own"), role: "admin" },
    );
    expect(made.status).toBe(200);
    const token = made.body.token as string;
    const id = (made.body.info as ApiTokenInfo).id;
    expect(made.body.info).toMatchObject({
      owner: { kind: "user", username: maker.username },
      effectiveRole: "admin",
    });
    expect((await call("GET", "/api/users", { token })).status).toBe(200);

    // Demoted: the token keeps its admin role on paper, and acts as a viewer.
    expect((await asAdmin("PATCH", `/api/users/${maker.id}`, { role: "viewer" })).status).toBe(200);
    expect(await me(token)).toEqual({ status: 200, role: "viewer" });
    expect((await call("GET", "/api/users", { token })).status).toBe(403);
    expect((await call("POST", "/api/actions/restart", { token }, { containers: [] })).status).toBe(403);
    expect(await listed(id)).toMatchObject({ role: "admin", effectiveRole: "viewer" });

    // Disabled: refused outright, and back when enabled again.
    await asAdmin("PATCH", `/api/users/${maker.id}`, { role: "admin", disabled: true });
    expect((await me(token)).status).toBe(401);
    expect(await listed(id)).toMatchObject({ effectiveRole: null, owner: { kind: "user", active: false } });
    await asAdmin("PATCH", `/api/users/${maker.id}`, { disabled: false });
    expect(await me(token)).toEqual({ status: 200, role: "admin" });

    // Deleted: revoked for good, and the audit log says why.
    expect((await asAdmin("DELETE", `/api/users/${maker.id}`)).status).toBe(200);
    expect((await me(token)).status).toBe(401);
    expect(await listed(id)).toMatchObject({
      revokedAt: expect.any(String),
      effectiveRole: null,
      owner: { kind: "user", username: null },
    });
    const audit = (await asAdmin("GET", "/api/audit?limit=50")).body.entries as {
      action: string;
      target: string;
      detail: string | null;
    }[];
    expect(audit).toContainEqual(
      expect.objectContaining({
        action: "token-revoked",
        target: (made.body.info as ApiTokenInfo).name,
        detail: `its owner ${maker.username} was deleted`,
      }),
    );
    expect(audit).toContainEqual(
      expect.objectContaining({
        action: "user-updated",
        target: maker.username,
        detail: expect.stringContaining("1 API token acts as viewer at most"),
      }),
    );
  });

  it("keeps a service token an admin made for a team working after its maker is deleted", async () => {
    const maker = await newAdmin();
    const made = await call(
      "POST",
      "/api/tokens",
      { cookie: maker.cookie },
      {
        name: uniqueName("asw-svc"),
        role: "operator",
        serviceOwner: "asw platform team",
      },
    );
    expect(made.status).toBe(200);
    const token = made.body.token as string;
    expect(made.body.info).toMatchObject({
      owner: { kind: "service", name: "asw platform team" },
      effectiveRole: "operator",
    });
    // A token made by an admin's token belongs to that admin as well.
    const viaToken = await call(
      "POST",
      "/api/tokens",
      {
        token: (
          await call(
            "POST",
            "/api/tokens",
            { cookie: maker.cookie },
            { name: uniqueName("asw-admin"), role: "admin" },
          )
        ).body.token as string,
      },
      { name: uniqueName("asw-child"), role: "viewer" },
    );
    expect(viaToken.body.info).toMatchObject({ owner: { kind: "user", username: maker.username } });

    await asAdmin("DELETE", `/api/users/${maker.id}`);
    expect(await me(token)).toEqual({ status: 200, role: "operator" });
    expect((await me(viaToken.body.token as string)).status).toBe(401);

    const bad = await asAdmin("POST", "/api/tokens", {
      name: uniqueName("asw-bad"),
      role: "viewer",
      serviceOwner: " ",
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("serviceOwner");
    const audit = (await asAdmin("GET", "/api/audit?limit=50")).body.entries as {
      action: string;
      target: string;
      detail: string | null;
    }[];
    expect(audit).toContainEqual(
      expect.objectContaining({
        action: "token-created",
        target: (made.body.info as ApiTokenInfo).name,
        detail: expect.stringContaining("service token, owner: asw platform team"),
      }),
    );
  });
});

describe("signing in", () => {
  it("is throttled after repeated failures, even for the right password", async () => {
    const dir = path.join(passFolder, "integration", `throttle-${Date.now().toString(36)}`);
    const alpha = readFleetFile().hosts.filter((h) => h.id === "alpha");
    const fleetFile = path.join(dir, "hosts.json");
    const { mkdirSync, writeFileSync } = await import("node:fs");
    mkdirSync(dir, { recursive: true });
    writeFileSync(fleetFile, JSON.stringify({ hosts: alpha }));
    const server = await startWharf({ port: 3141, fleetConfig: fleetFile, dataDir: path.join(dir, "data") });
    try {
      const attempt = (password: string) =>
        fetch(`${server.url}/api/auth/login`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ username: "admin", password }),
        });
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await attempt(`wrong-password-${i}`)).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401]);
      const blocked = await attempt(TEST_ADMIN.password);
      expect(blocked.status).toBe(429);
      const body = (await blocked.json()) as {
        error: { message: string; details: { retryAfterSeconds: number } };
      };
      expect(body.error.message).toMatch(/try again in \d+ seconds/);
      expect(body.error.details.retryAfterSeconds).toBeGreaterThan(0);
      const audit = (await (await server.fetch("/api/audit")).json()) as { entries: { action: string }[] };
      expect(audit.entries.filter((e) => e.action === "login-failed")).toHaveLength(5);
      expect(audit.entries.some((e) => e.action === "login-throttled")).toBe(true);
    } finally {
      await server.stop();
    }
  });
});
