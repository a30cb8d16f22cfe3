import { describe, expect, it } from "vitest";
import type { ContainerInspect } from "@/lib/docker/types";
import { toContainerDetail, toContainerRow } from "./to-container-row";

const ZERO = "0001-01-01T00:00:00Z";
const NGINX_SHA = "sha256:4f67c83422ec747235357c04556616234e66fc3fa39cb4f40b2d4441ddd8f100";

/** `docker inspect` (API 1.41) of a compose service that is up and passing its health check. */
function runningWeb(): ContainerInspect {
  return {
    Id: "9f1c2ab34de5f67890a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f607",
    Name: "/shop-web-1",
    Created: "2024-05-02T09:14:03.51234Z",
    Image: NGINX_SHA,
    RestartCount: 0,
    Path: "/docker-entrypoint.sh",
    Args: ["nginx", "-g", "daemon off;"],
    State: {
      Status: "running", Running: true, Paused: false, Restarting: false, OOMKilled: false, Dead: false,
      Pid: 4242, ExitCode: 0, Error: "",
      StartedAt: "2024-05-02T09:14:04.10021Z", FinishedAt: ZERO,
      Health: {
        Status: "healthy", FailingStreak: 0,
        Log: [{ Start: "2024-05-02T09:20:00Z", End: "2024-05-02T09:20:01Z", ExitCode: 0, Output: "ok\n" }],
      },
    },
    Config: {
      Hostname: "9f1c2ab34de5", User: "", Env: ["PATH=/usr/bin", "NGINX_VERSION=1.25.5"],
      Cmd: ["nginx", "-g", "daemon off;"], Entrypoint: ["/docker-entrypoint.sh"], Image: "nginx:1.25",
      WorkingDir: "", StopSignal: "SIGQUIT",
      Labels: { "com.docker.compose.project": "shop", "com.docker.compose.service": "web", tier: "front" },
      Healthcheck: { Test: ["CMD-SHELL", "curl -fs localhost"], Interval: 30e9, Timeout: 5e9, Retries: 3 },
    },
    HostConfig: {
      NetworkMode: "shop_default",
      RestartPolicy: { Name: "unless-stopped", MaximumRetryCount: 0 },
      PortBindings: { "80/tcp": [{ HostIp: "", HostPort: "8080" }] },
    },
    Mounts: [{ Type: "volume", Name: "shop_static", Source: "/var/lib/docker/volumes/shop_static/_data",
      Destination: "/usr/share/nginx/html", Mode: "z", RW: false }],
    NetworkSettings: {
      Ports: {
        "80/tcp": [{ HostIp: "0.0.0.0", HostPort: "8080" }, { HostIp: "::", HostPort: "8080" }],
        "443/tcp": null,
      },
    },
  };
}

/** The same container in a different state, the way the engine reports it. */
function withState(state: Partial<ContainerInspect["State"]>, rest: Partial<ContainerInspect> = {}): ContainerInspect {
  const base = runningWeb();
  return { ...base, ...rest, State: { ...base.State, ...state } };
}

describe("toContainerRow", () => {
  it("maps a running healthy compose container", () => {
    const row = toContainerRow("alpha", runningWeb());
    expect(row).toMatchObject({
      hostId: "alpha", id: runningWeb().Id, name: "shop-web-1", image: "nginx:1.25", imageId: NGINX_SHA,
      state: "running", health: "healthy", exitCode: 0, oomKilled: false, restartCount: 0,
      createdAt: "2024-05-02T09:14:03.51234Z", startedAt: "2024-05-02T09:14:04.10021Z", finishedAt: null,
      compose: { project: "shop", service: "web" },
    });
    expect(row.labels.tier).toBe("front");
  });

  it("reports a restart loop as restarting, even though Running is true", () => {
    const row = toContainerRow("alpha", withState(
      { Status: "restarting", Running: true, Restarting: true, ExitCode: 1, Pid: 0, Health: undefined },
      { RestartCount: 14 },
    ));
    expect(row.state).toBe("restarting");
    expect(row.restartCount).toBe(14);
  });

  it("keeps the OOM kill and exit code 137 of an exited container", () => {
    const row = toContainerRow("alpha", withState({
      Status: "exited", Running: false, OOMKilled: true, ExitCode: 137, Pid: 0,
      FinishedAt: "2024-05-02T11:00:00.5Z", Health: { Status: "unhealthy", FailingStreak: 3 },
    }));
    expect(row).toMatchObject({ state: "exited", exitCode: 137, oomKilled: true, finishedAt: "2024-05-02T11:00:00.5Z" });
  });

  it("gives a never-started container null start and finish times", () => {
    const row = toContainerRow("alpha", withState({ Status: "created", Running: false, Pid: 0, StartedAt: ZERO,
      FinishedAt: ZERO, Health: { Status: "none", FailingStreak: 0 } }));
    expect(row).toMatchObject({ state: "created", startedAt: null, finishedAt: null, health: null });
  });

  it.each([["starting", "starting"], ["unhealthy", "unhealthy"], ["none", null]] as const)(
    "maps health %s to %s", (status, health) => {
      expect(toContainerRow("alpha", withState({ Health: { Status: status, FailingStreak: 0 } })).health).toBe(health);
    },
  );

  it("has no compose group without both compose labels, and no health without a check", () => {
    const plain = runningWeb();
    plain.Config = { ...plain.Config, Labels: { "com.docker.compose.project": "shop" } };
    plain.State = { ...plain.State, Health: undefined };
    expect(toContainerRow("alpha", plain)).toMatchObject({ compose: null, health: null });
    expect(toContainerRow("alpha", { ...plain, Config: { ...plain.Config, Labels: null } }).labels).toEqual({});
  });
});

describe("toContainerDetail", () => {
  it("lists published ports, one entry per binding, and unpublished exposed ports", () => {
    expect(toContainerDetail("alpha", runningWeb()).ports).toEqual([
      { containerPort: "80/tcp", hostIp: "0.0.0.0", hostPort: "8080" },
      { containerPort: "80/tcp", hostIp: "::", hostPort: "8080" },
      { containerPort: "443/tcp", hostIp: "", hostPort: "" },
    ]);
  });

  it("carries command, mounts, restart policy, health check and probe log", () => {
    const detail = toContainerDetail("alpha", runningWeb());
    expect(detail).toMatchObject({
      command: ["nginx", "-g", "daemon off;"], entrypoint: ["/docker-entrypoint.sh"], networkMode: "shop_default",
      restartPolicy: { name: "unless-stopped", maximumRetryCount: 0 }, error: null,
      mounts: [{ type: "volume", name: "shop_static", destination: "/usr/share/nginx/html", rw: false }],
      healthcheck: { test: ["CMD-SHELL", "curl -fs localhost"], intervalNs: 30e9, retries: 3, startPeriodNs: null },
      healthLog: [{ exitCode: 0, output: "ok\n" }],
    });
  });

  it("has no health check when the image's check is disabled with NONE", () => {
    const inspect = runningWeb();
    inspect.Config = { ...inspect.Config, Healthcheck: { Test: ["NONE"] } };
    expect(toContainerDetail("alpha", inspect).healthcheck).toBeNull();
  });

  it("defaults the restart policy to no, and shows the engine's error", () => {
    const inspect = withState({ Status: "created", Running: false, Error: "driver failed programming external connectivity" });
    inspect.HostConfig = { NetworkMode: "bridge", RestartPolicy: { Name: "", MaximumRetryCount: 0 } };
    const detail = toContainerDetail("alpha", inspect);
    expect(detail.restartPolicy).toEqual({ name: "no", maximumRetryCount: 0 });
    expect(detail.error).toBe("driver failed programming external connectivity");
    expect(toContainerDetail("alpha", { ...inspect, HostConfig: {} }).restartPolicy.name).toBe("no");
  });
});
