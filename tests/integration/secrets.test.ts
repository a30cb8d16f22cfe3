import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { ActionResult } from "@/lib/actions/types";
import type { AuditEntry } from "@/lib/auth/types";
import type { ContainerResponse } from "@/lib/fleet/types";
import { api, authHeaders } from "../support/api";
import { removeTestContainers, runContainer, uniqueName } from "../support/fleet";
import { buildAndPush, REGISTRY } from "../support/images";
import { post } from "../support/post";
import { TEST_ADMIN } from "../support/wharf-server";

const serve = ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"];
const suffix = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
const tokens = { viewer: "", operator: "" };
const names = { viewer: `it-secrets-viewer-${suffix}`, operator: `it-secrets-operator-${suffix}` };

beforeAll(async () => {
  await removeTestContainers("alpha");
  for (const role of ["viewer", "operator"] as const) {
    const { body } = await post<{ token: string }>("/api/tokens", { name: names[role], role });
    tokens[role] = body.token;
  }
});

afterAll(() => removeTestContainers("alpha"));

const get = (pathname: string, token: string) =>
  fetch(`${inject("wharfUrl")}${pathname}`, { headers: authHeaders(token) });

describe("the deploy history", () => {
  it("names the environment keys a redeploy changed, never their old or new values", async () => {
    const ref = `${REGISTRY}/it-secrets-${suffix}:latest`;
    await buildAndPush("alpha", ref, { version: "v1", env: { SECRET: "old-value-7f3k" } });
    const name = uniqueName("it-secrets-history");
    await runContainer("alpha", name, [], serve, ref);
    await buildAndPush("alpha", ref, { version: "v2", env: { SECRET: "new-value-9q2z" } });
    const { status, body } = await post<ActionResult>(`/api/containers/alpha/${name}/redeploy`, {
      graceSeconds: 0,
    });
    expect(status).toBe(200);
    expect(body.entry.configDiff).toContainEqual({
      field: "Config.Env",
      added: [],
      removed: [],
      changed: ["SECRET"],
    });

    const list = await (await get(`/api/history?container=${name}`, tokens.viewer)).text();
    const csv = await (await get(`/api/history.csv?container=${name}`, tokens.viewer)).text();
    for (const text of [list, csv]) {
      expect(text).toContain("SECRET");
      expect(text).not.toContain("old-value-7f3k");
      expect(text).not.toContain("new-value-9q2z");
    }
  });
});

describe("environment values on the container page", () => {
  let name = "";
  beforeAll(async () => {
    name = uniqueName("it-secrets-env");
    await runContainer("alpha", name, ["--env", "DB_PASSWORD=hunter2-x8", "--env", "MODE=prod"], serve);
  });

  const reveal = (key: string, token: string) =>
    post<{ key?: string; value?: string; error?: { code: string; message: string } }>(
      `/api/containers/alpha/${name}/env/reveal`,
      { key },
      undefined,
      token,
    );

  it("are masked for every role, the admin included", async () => {
    const response = await get(`/api/containers/alpha/${name}`, inject("wharfToken"));
    const { container } = (await response.json()) as ContainerResponse;
    expect(container.env).toEqual(expect.arrayContaining(["DB_PASSWORD=••••••", "MODE=••••••"]));
    expect(JSON.stringify(container)).not.toContain("hunter2-x8");
  });

  it("an operator reveals one value, uncached, and the audit log says who read which key (not the value)", async () => {
    const response = await fetch(`${inject("wharfUrl")}/api/containers/alpha/${name}/env/reveal`, {
      method: "POST",
      headers: { "content-type": "application/json", ...authHeaders(tokens.operator) },
      body: JSON.stringify({ key: "DB_PASSWORD" }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("no-store");
    expect(await response.json()).toEqual({ key: "DB_PASSWORD", value: "hunter2-x8" });

    const { body } = await api<{ entries: AuditEntry[] }>("/api/audit?limit=50");
    const entry = body.entries.find((e) => e.action === "env-revealed" && e.target === `alpha/${name}`);
    expect(entry).toMatchObject({ actor: names.operator, detail: "key: DB_PASSWORD" });
    expect(JSON.stringify(body.entries)).not.toContain("hunter2-x8");
  });

  it("a viewer may not reveal; an unknown key is a 404 naming it", async () => {
    const refused = await reveal("DB_PASSWORD", tokens.viewer);
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).not.toContain("hunter2-x8");
    const missing = await reveal("NOPE", tokens.operator);
    expect(missing.status).toBe(404);
    expect(missing.body.error!.message).toBe(
      `Container "${name}" on host "alpha" has no environment variable "NOPE"`,
    );
  });

  it("a reveal with a session cookie must come from Wharf's own pages", async () => {
    const url = inject("wharfUrl");
    const login = await fetch(`${url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: url },
      body: JSON.stringify(TEST_ADMIN),
    });
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const send = (origin: string) =>
      fetch(`${url}/api/containers/alpha/${name}/env/reveal`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie, origin },
        body: JSON.stringify({ key: "DB_PASSWORD" }),
      });
    expect((await send("http://evil.example")).status).toBe(403);
    expect((await send(url)).status).toBe(200);
  });
});
