import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Role } from "@/lib/auth/types";
import { authHeaders } from "../support/api";
import { docker, removeTestContainers, runContainer, uniqueName } from "../support/fleet";
import { post } from "../support/post";
import { openEvents, openSse } from "../support/sse";

/**
 * Every route of the API description (itself generated from the route declarations) × a scoped viewer and a
 * scoped operator × containers inside and outside their scope: the status each must get, and no container or
 * host outside the scope in any answer or stream message.
 */
const serve = ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"];
const sfx = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
const shopProject = `grshop-${sfx}`;
const blogProject = `grblog-${sfx}`;
const shop = uniqueName("gr-shop-web");
const blog = uniqueName("gr-blog-web");
const shopOnBravo = uniqueName("gr-shop-far");

type Where = "shop" | "blog" | "far";
const places: Record<Where, { hostId: string; name: string; project: string }> = {
  shop: { hostId: "alpha", name: shop, project: shopProject },
  blog: { hostId: "alpha", name: blog, project: blogProject },
  far: { hostId: "bravo", name: shopOnBravo, project: shopProject },
};

/**
 * `reachesAll`: a grant naming no host (the operator's glob) may match a container on any host, so every host
 * is in its reach (listed, with counts of what it sees there); the viewer's grants name alpha alone.
 */
type Caller = {
  label: string;
  token: string;
  top: Role;
  on: Record<Where, Role | null>;
  reachesAll: boolean;
};
const callers: Caller[] = [
  {
    label: "scoped viewer",
    token: "",
    top: "viewer",
    on: { shop: "viewer", blog: null, far: null },
    reachesAll: false,
  },
  {
    label: "scoped operator",
    token: "",
    top: "operator",
    on: { shop: "operator", blog: "viewer", far: null },
    reachesAll: true,
  },
];
const rank: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

type Operation = { method: string; path: string; role: Role | "public"; reach: string; sse: boolean };
let operations: Operation[] = [];

const compose = (project: string) => [
  "--label",
  `com.docker.compose.project=${project}`,
  "--label",
  "com.docker.compose.service=web",
];

beforeAll(async () => {
  await Promise.all([removeTestContainers("alpha"), removeTestContainers("bravo")]);
  await runContainer("alpha", shop, compose(shopProject), serve);
  await runContainer("alpha", blog, compose(blogProject), serve);
  await runContainer("bravo", shopOnBravo, compose(shopProject), serve);
  const grants: Record<string, unknown[]> = {
    "scoped viewer": [{ role: "viewer", scope: { hosts: ["alpha"], projects: [shopProject] } }],
    "scoped operator": [
      { role: "operator", scope: { hosts: ["alpha"], projects: [shopProject] } },
      { role: "viewer", scope: { names: [`${blog.slice(0, 11)}*`] } },
    ],
  };
  for (const caller of callers) {
    const { status, body } = await post<{ token: string }>("/api/tokens", {
      name: `gr ${caller.label} ${sfx}`,
      role: "admin",
      serviceOwner: "grants matrix",
      scoped: true,
      grants: grants[caller.label],
    });
    expect(status).toBe(200);
    caller.token = body.token;
  }
  // History rows of all three, so the history's filter has something to leave out.
  for (const place of Object.values(places))
    expect((await post(`/api/containers/${place.hostId}/${place.name}/restart`)).status).toBe(200);
  const document = (await (await fetch(`${inject("wharfUrl")}/api/openapi.json`)).json()) as {
    paths: Record<string, Record<string, Record<string, unknown>>>;
  };
  operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      role: op["x-wharf-role"] as Role | "public",
      reach: op["x-wharf-reach"] as string,
      sse: Object.keys((op.responses as Record<string, { content?: object }>)["200"]?.content ?? {}).includes(
        "text/event-stream",
      ),
    })),
  );
}, 120_000);

afterAll(async () => {
  await Promise.all([removeTestContainers("alpha"), removeTestContainers("bravo")]);
});

/** The request for an operation about `where`: path parameters, a query the route needs, a body it accepts. */
function requestFor(op: Operation, where: Where): { url: string; body?: unknown } {
  const place = places[where];
  const url = op.path
    .replace("{hostId}", place.hostId)
    .replace("{nameOrId}", place.name)
    .replace("{project}", place.project)
    .replace("{name}", `gr-svc-${sfx}`)
    .replace("{id}", "987654")
    .replace("{userId}", "987654");
  const queries: Record<string, string> = {
    "/api/autoheal/status": `?host=${place.hostId}&container=${place.name}`,
    "/api/containers/{hostId}/{nameOrId}/logs/older": `?before=${encodeURIComponent(new Date().toISOString())}`,
  };
  const query = queries[op.path] ?? "";
  const bodies: Record<string, unknown> = {
    "/api/deploy": { hostId: place.hostId, container: place.name, graceSeconds: 0 },
    "/api/actions/restart": { containers: [{ hostId: place.hostId, name: place.name }] },
    "/api/actions/restart-crashed": { hostId: place.hostId },
    "/api/autoheal/policies": { hostId: place.hostId, project: null },
    "/api/hosts/{hostId}/images/prune": { dryRun: true },
    "/api/containers/{hostId}/{nameOrId}/env/reveal": { key: "GR_NONE" },
    // A localhost/ image is refused before anything is pulled: the inside case stops at the image rule.
    "/api/containers/{hostId}/{nameOrId}/redeploy": { graceSeconds: 0, image: "localhost/busybox:1" },
    "/api/containers/{hostId}/{nameOrId}/rollback": { graceSeconds: 0 },
    "/api/services/{hostId}/{name}/scale": { replicas: 1 },
  };
  return { url: url + query, body: op.method === "GET" ? undefined : (bodies[op.path] ?? {}) };
}

/** What a caller must get: 403 naming the grant, 404 as for a container that does not exist, or through. */
function expected(op: Operation, caller: Caller, where: Where): "403" | "404" | "through" {
  const role = op.role as Role;
  if (rank[caller.top] < rank[role] || op.reach === "fleet") return "403";
  // No service is in these callers' scope, no incident 987654 exists.
  if (op.path.startsWith("/api/services/") || op.path.startsWith("/api/incidents/")) return "404";
  if (op.reach === "host") return places[where].hostId === "alpha" || caller.reachesAll ? "403" : "404";
  if (op.reach === "targets") {
    const on = caller.on[where];
    if (on === null) return "404";
    return rank[on] < rank[role] ? "403" : "through";
  }
  if (op.path === "/api/projects/{project}/logs")
    return where === "blog" && caller.on.blog === null ? "404" : "through";
  return "through";
}

/** Containers and hosts the caller must never see a trace of (but the one it asked for, named in a 404). */
function forbidden(caller: Caller, asked?: string): string[] {
  const unseen = (Object.keys(places) as Where[]).filter((w) => caller.on[w] === null);
  const names = unseen.map((w) => places[w].name).filter((name) => name !== asked);
  return caller.reachesAll ? names : [...names, '"bravo"', 'host="bravo"', '"charlie"'];
}

async function call(op: Operation, caller: Caller, where: Where) {
  const { url, body } = requestFor(op, where);
  const controller = new AbortController();
  const response = await fetch(`${inject("wharfUrl")}${url}`, {
    method: op.method,
    headers: {
      ...authHeaders(caller.token),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...(op.sse ? { accept: "text/event-stream" } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: controller.signal,
  });
  let text: string;
  if (op.sse && response.ok) {
    // The first message (a snapshot, the project's containers, the log's first lines) is what must be clean.
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    text = "";
    const deadline = Date.now() + 3_000;
    while (!/\ndata: /.test(text) && Date.now() < deadline) {
      const chunk = await Promise.race([
        reader.read(),
        new Promise<{ value?: string }>((resolve) => setTimeout(() => resolve({}), 500)),
      ]);
      text += chunk.value ?? "";
    }
    controller.abort();
  } else text = await response.text();
  return { status: response.status, text };
}

const cases = () =>
  operations
    .filter((op) => op.role !== "public" && op.path !== "/api/auth/logout")
    .flatMap((op) => {
      const wheres: Where[] = /\{(hostId|nameOrId|project)\}|restart|autoheal\/status|\/api\/deploy/.test(
        op.path,
      )
        ? ["shop", "blog", "far"]
        : ["shop"];
      return callers.flatMap((caller) => wheres.map((where) => ({ op, caller, where })));
    });

describe("every route for scoped callers", () => {
  it("covers the routes the description lists, and this test knows every reach they declare", () => {
    expect(operations.length).toBeGreaterThan(50);
    for (const op of operations) expect(["none", "fleet", "host", "targets", "filtered"]).toContain(op.reach);
  });

  it("answers each route × caller × place as the grants say, never showing what is out of scope", async () => {
    const failures: string[] = [];
    for (const { op, caller, where } of cases()) {
      const want = expected(op, caller, where);
      const { status, text } = await call(op, caller, where);
      const label = `${caller.label} ${op.method} ${requestFor(op, where).url} (${where})`;
      if (want === "403") {
        if (status !== 403) failures.push(`${label}: ${status}, wanted 403: ${text.slice(0, 200)}`);
      } else if (want === "404") {
        if (status !== 404 || !/not found|not in the fleet|No container/.test(text))
          failures.push(`${label}: ${status}, wanted 404: ${text.slice(0, 200)}`);
      } else if (status === 403 || status === 401 || status >= 500 || /not found on host/.test(text)) {
        failures.push(`${label}: ${status}, wanted it let through: ${text.slice(0, 200)}`);
      }
      for (const secret of forbidden(caller, want === "404" ? places[where].name : undefined))
        if (text.includes(secret))
          failures.push(`${label}: the answer shows ${secret}: ${text.slice(0, 300)}`);
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it("names the missing grant when an operator acts where it only views", async () => {
    const operator = callers[1]!;
    const { status, body } = await post<{ error: { message: string } }>(
      `/api/containers/alpha/${blog}/restart`,
      {},
      undefined,
      operator.token,
    );
    expect(status).toBe(403);
    expect(body.error.message).toBe(`This needs operator on ${blog}@alpha; you have viewer there`);
  });

  it("lists only the scope's containers, and the inside one among them", async () => {
    const viewer = callers[0]!;
    const response = await fetch(`${inject("wharfUrl")}/api/containers`, {
      headers: authHeaders(viewer.token),
    });
    const { containers, hosts } = (await response.json()) as {
      containers: { name: string }[];
      hosts: { id: string }[];
    };
    expect(containers.map((c) => c.name)).toEqual([shop]);
    expect(hosts.map((h) => h.id)).toEqual(["alpha"]);
    const history = await fetch(`${inject("wharfUrl")}/api/history`, { headers: authHeaders(viewer.token) });
    const names = ((await history.json()) as { entries: { containerName: string }[] }).entries.map(
      (e) => e.containerName,
    );
    expect(new Set(names)).toEqual(new Set([shop]));
  });

  it("sends a scoped stream only its scope's messages, the snapshot included", async () => {
    const viewer = callers[0]!;
    const events = await openEvents({ token: viewer.token });
    const admin = await openEvents();
    try {
      const snapshot = await events.next<{ containers: { name: string }[] }>(
        (m) => m.event === "snapshot",
        "snapshot",
      );
      expect(snapshot.data.containers.map((c) => c.name)).toEqual([shop]);
      // Changes outside the scope first, then one inside: once the inside one arrives, the others would have.
      await docker("bravo", "restart", "-t", "0", shopOnBravo);
      await docker("alpha", "restart", "-t", "0", blog);
      await docker("alpha", "restart", "-t", "0", shop);
      await events.until(
        (all) => all.some((m) => m.event === "container" && JSON.stringify(m.data).includes(shop)),
        "the inside container's change",
      );
      // The admin's stream is fed by the same store in the same order: once it has both, so has the viewer's.
      await admin.until(
        (all) =>
          [blog, shopOnBravo].every((name) =>
            all.some((m) => m.event === "container" && JSON.stringify(m.data).includes(name)),
          ),
        "the outside containers' changes on the admin's stream",
      );
      const shown = JSON.stringify(events.received);
      for (const secret of forbidden(viewer)) expect(shown).not.toContain(secret);
    } finally {
      await events.close();
      await admin.close();
    }
    const project = await openSse(`/api/projects/${shopProject}/logs`, { token: viewer.token });
    try {
      const first = await project.next<{ containers: { name: string }[] }>(
        (m) => m.event === "containers",
        "containers",
      );
      expect(first.data.containers.map((c) => c.name)).toEqual([shop]);
    } finally {
      await project.close();
    }
  });
});
