import { describe, expect, it } from "vitest";
import { filterContainers } from "./filter-containers";
import type { ContainerRow } from "./types";

function row(hostId: string, name: string, over: Partial<ContainerRow> = {}): ContainerRow {
  return {
    hostId,
    name,
    id: `${name.length}a${hostId.length}`.padEnd(64, "0"),
    image: "alpine:3.20",
    imageId: "sha256:1",
    state: "running",
    health: null,
    exitCode: 0,
    oomKilled: false,
    restartCount: 0,
    createdAt: "2024-05-02T09:00:00Z",
    startedAt: "2024-05-02T09:00:01Z",
    finishedAt: null,
    compose: null,
    labels: {},
    exitCause: null,
    lastExit: null,
    attention: null,
    provenance: null,
    ...over,
  };
}

const rows = [
  row("alpha", "shop-web-1", {
    image: "nginx:1.25",
    compose: { project: "shop", service: "web" },
    id: "9f1c2ab3".padEnd(64, "e"),
  }),
  row("alpha", "shop-db-1", {
    image: "postgres:16",
    compose: { project: "shop", service: "db" },
    state: "exited",
    exitCode: 1,
  }),
  row("bravo", "billing-api", { image: "ghcr.io/acme/billing:2.4", id: "7b00d1e5".padEnd(64, "a") }),
  row("bravo", "redis", { image: "redis:7", state: "restarting" }),
  row("charlie", "cron", { state: "dead" }),
];
const names = (filter: Parameters<typeof filterContainers>[1]) =>
  filterContainers(rows, filter).map((r) => r.name);

describe("filterContainers", () => {
  it("keeps everything with an empty filter", () => {
    expect(names({})).toHaveLength(rows.length);
    expect(names({ hosts: [], states: [], q: "   " })).toHaveLength(rows.length);
  });

  it("keeps only the chosen hosts", () => {
    expect(names({ hosts: ["bravo"] })).toEqual(["billing-api", "redis"]);
    expect(names({ hosts: ["alpha", "charlie"] })).toEqual(["shop-web-1", "shop-db-1", "cron"]);
    expect(names({ hosts: ["delta"] })).toEqual([]);
  });

  it("keeps only the chosen states", () => {
    expect(names({ states: ["exited", "dead"] })).toEqual(["shop-db-1", "cron"]);
    expect(names({ states: ["restarting"], hosts: ["alpha"] })).toEqual([]);
  });

  it("matches text against name, image, host and compose project/service, ignoring case", () => {
    expect(names({ q: "BILLING" })).toEqual(["billing-api"]);
    expect(names({ q: "postgres" })).toEqual(["shop-db-1"]);
    expect(names({ q: "charlie" })).toEqual(["cron"]);
    expect(names({ q: "shop" })).toEqual(["shop-web-1", "shop-db-1"]);
  });

  it("needs every word to match, each in any field", () => {
    expect(names({ q: "alpha nginx" })).toEqual(["shop-web-1"]);
    expect(names({ q: "  shop   db " })).toEqual(["shop-db-1"]);
    expect(names({ q: "bravo nginx" })).toEqual([]);
  });

  it("matches a container id by prefix only", () => {
    expect(names({ q: "9f1c2a" })).toEqual(["shop-web-1"]);
    expect(names({ q: "7b00 bravo" })).toEqual(["billing-api"]);
    expect(names({ q: "c2ab3" })).toEqual([]);
  });
});

describe("the attention filter", () => {
  const flagged = row("alpha", "bad", { state: "exited", exitCode: 1, attention: "exit" });
  it("keeps only flagged rows, and never a stale one", () => {
    const list = [
      { ...flagged, stale: false },
      { ...row("alpha", "good"), stale: false },
      { ...row("gone", "old", { attention: "exit" }), stale: true },
    ];
    expect(filterContainers(list, { attention: true }).map((r) => r.name)).toEqual(["bad"]);
  });
});
