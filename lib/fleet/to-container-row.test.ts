import { describe, expect, it } from "vitest";
import type { ContainerInspect } from "@/lib/docker/types";
import { toContainerDetail, toContainerRow } from "./to-container-row";

type State = ContainerInspect["State"];
const ZERO = "0001-01-01T00:00:00Z";
const NGINX_SHA = "sha256:4f67c83422ec747235357c04556616234e66fc3fa39cb4f40b2d4441ddd8f100";
const STARTED = "2024-05-02T09:14:04.10021Z";

/**
 * `docker inspect` (API 1.41) of the compose service shop/web, in the given state. The flags follow the
 * engine: Running stays true while a container is paused or restarting.
 */
function inspect(Status = "running", state: Partial<State> = {}, rest: Partial<ContainerInspect> = {}) {
  const up = ["running", "paused", "restarting"].includes(Status);
  const doc: ContainerInspect = {
    Id: "9f1c2ab34de5f67890a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f607",
    Name: "/shop-web-1",
    Created: "2024-05-02T09:14:03.51234Z",
    Image: NGINX_SHA,
    RestartCount: 0,
    State: {
      ...{ Status, Running: up, Paused: Status === "paused", Restarting: Status === "restarting" },
      ...{ OOMKilled: false, Dead: Status === "dead", Pid: up ? 4242 : 0, ExitCode: 0, Error: "" },
      ...{ StartedAt: Status === "created" ? ZERO : STARTED, FinishedAt: ZERO },
      Health: {
        Status: "healthy",
        FailingStreak: 0,
        Log: [{ Start: "2024-05-02T09:20:00Z", End: "2024-05-02T09:20:01Z", ExitCode: 0, Output: "ok\n" }],
      },
      ...state,
    },
    Config: {
      Hostname: "9f1c2ab34de5",
      Env: ["PATH=/usr/bin", "NGINX_VERSION=1.25.5"],
      Cmd: ["nginx", "-g", "daemon off;"],
      Entrypoint: ["/docker-entrypoint.sh"],
      Image: "nginx:1.25",
      Labels: { "com.docker.compose.project": "shop", "com.docker.compose.service": "web", tier: "front" },
      Healthcheck: { Test: ["CMD-SHELL", "curl -fs localhost"], Interval: 30e9, Timeout: 5e9, Retries: 3 },
    },
    HostConfig: {
      NetworkMode: "shop_default",
      RestartPolicy: { Name: "unless-stopped", MaximumRetryCount: 0 },
      PortBindings: { "80/tcp": [{ HostIp: "", HostPort: "8080" }] },
    },
    Mounts: [
      { Type: "bind", Source: "/srv/shop/conf", Destination: "/etc/nginx/conf.d", Mode: "ro", RW: false },
    ],
    NetworkSettings: {
      Ports: {
        "80/tcp": [
          { HostIp: "0.0.0.0", HostPort: "8080" },
          { HostIp: "::", HostPort: "8080" },
        ],
        "443/tcp": null,
      },
    },
  };
  return { ...doc, ...rest };
}

const NOW = Date.parse("2024-05-02T10:00:00Z");

describe("toContainerRow", () => {
  it("maps a running healthy compose container", () => {
    const row = toContainerRow("alpha", inspect(), NOW);
    expect(row).toMatchObject({
      ...{ hostId: "alpha", id: inspect().Id, name: "shop-web-1", image: "nginx:1.25", imageId: NGINX_SHA },
      ...{ state: "running", health: "healthy", exitCode: 0, oomKilled: false, restartCount: 0 },
      ...{ createdAt: "2024-05-02T09:14:03.51234Z", startedAt: STARTED, finishedAt: null },
      compose: { project: "shop", service: "web" },
    });
    expect(row.labels.tier).toBe("front");
  });

  it("reports a restart loop as restarting, even though the engine says Running: true", () => {
    const doc = inspect("restarting", { ExitCode: 1, Health: undefined }, { RestartCount: 14 });
    expect(doc.State.Running).toBe(true);
    expect(toContainerRow("alpha", doc, NOW)).toMatchObject({
      state: "restarting",
      restartCount: 14,
      exitCode: 1,
    });
  });

  it("keeps the OOM kill and exit code 137 of an exited container", () => {
    const finished = "2024-05-02T11:00:00.5Z";
    const row = toContainerRow(
      "alpha",
      inspect("exited", { OOMKilled: true, ExitCode: 137, FinishedAt: finished }),
      NOW,
    );
    expect(row).toMatchObject({ state: "exited", exitCode: 137, oomKilled: true, finishedAt: finished });
  });

  it("gives a never-started container null start and finish times", () => {
    const row = toContainerRow("alpha", inspect("created", { Health: undefined }), NOW);
    expect(row).toMatchObject({ state: "created", startedAt: null, finishedAt: null });
  });

  it.each([
    ["starting", "starting"],
    ["unhealthy", "unhealthy"],
    ["none", null],
  ] as const)("maps health %s to %s", (Status, health) => {
    expect(
      toContainerRow("alpha", inspect("running", { Health: { Status, FailingStreak: 0 } }), NOW).health,
    ).toBe(health);
  });

  it("has no health without a check, and no compose group without both compose labels", () => {
    const plain = inspect("running", { Health: undefined });
    plain.Config = { ...plain.Config, Labels: { "com.docker.compose.project": "shop" } };
    expect(toContainerRow("alpha", plain, NOW)).toMatchObject({ compose: null, health: null });
    plain.Config = { ...plain.Config, Labels: null };
    expect(toContainerRow("alpha", plain, NOW).labels).toEqual({});
  });
});

describe("toContainerDetail", () => {
  it("lists published ports, one entry per binding, and unpublished exposed ports", () => {
    expect(toContainerDetail("alpha", inspect(), NOW).ports).toEqual([
      { containerPort: "80/tcp", hostIp: "0.0.0.0", hostPort: "8080" },
      { containerPort: "80/tcp", hostIp: "::", hostPort: "8080" },
      { containerPort: "443/tcp", hostIp: "", hostPort: "" },
    ]);
  });

  it("carries command, mounts, restart policy, health check and probe log", () => {
    expect(toContainerDetail("alpha", inspect(), NOW)).toMatchObject({
      command: ["nginx", "-g", "daemon off;"],
      entrypoint: ["/docker-entrypoint.sh"],
      networkMode: "shop_default",
      restartPolicy: { name: "unless-stopped", maximumRetryCount: 0 },
      error: null,
      mounts: [
        { type: "bind", name: null, source: "/srv/shop/conf", destination: "/etc/nginx/conf.d", rw: false },
      ],
      healthcheck: {
        test: ["CMD-SHELL", "curl -fs localhost"],
        intervalNs: 30e9,
        retries: 3,
        startPeriodNs: null,
      },
      healthLog: [{ exitCode: 0, output: "ok\n" }],
    });
  });

  it("has no health check when the image's check is disabled with NONE", () => {
    const doc = inspect();
    doc.Config = { ...doc.Config, Healthcheck: { Test: ["NONE"] } };
    expect(toContainerDetail("alpha", doc, NOW).healthcheck).toBeNull();
  });

  it("defaults the restart policy to no, and shows the engine's error", () => {
    const error = "driver failed programming external connectivity on endpoint shop-web-1";
    const doc = inspect("created", { Error: error });
    doc.HostConfig = { NetworkMode: "bridge", RestartPolicy: { Name: "", MaximumRetryCount: 0 } };
    expect(toContainerDetail("alpha", doc, NOW)).toMatchObject({
      restartPolicy: { name: "no", maximumRetryCount: 0 },
      error,
    });
    expect(toContainerDetail("alpha", { ...doc, HostConfig: {} }, NOW).restartPolicy.name).toBe("no");
  });
});

describe("resource limits", () => {
  it("reads memory and CPU limits, with nothing where the engine sets no limit", () => {
    const doc = inspect();
    doc.HostConfig = { ...doc.HostConfig, Memory: 64 * 2 ** 20, MemorySwap: -1, NanoCpus: 500_000_000 };
    expect(toContainerDetail("alpha", doc, NOW).limits).toEqual({
      memoryBytes: 64 * 2 ** 20,
      memorySwapBytes: -1,
      cpus: 0.5,
      cpuShares: null,
      pidsLimit: null,
    });
    doc.HostConfig = { Memory: 0, NanoCpus: 0, CpuQuota: 150_000, CpuPeriod: 100_000, PidsLimit: 0 };
    expect(toContainerDetail("alpha", doc, NOW).limits).toMatchObject({ memoryBytes: null, cpus: 1.5 });
  });
});
