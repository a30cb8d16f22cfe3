import { describe, expect, it } from "vitest";
import type { SwarmService, SwarmTask } from "@/lib/docker/swarm-types";
import { settleUpdate } from "./settle-update";
import { toServiceRow } from "./to-service-row";
import { isFailingTask, toTaskRow } from "./to-task-row";

const now = Date.parse("2026-12-01T05:00:00Z");

function service(overrides: Partial<SwarmService> = {}): SwarmService {
  return {
    ID: "svc1",
    Version: { Index: 12 },
    CreatedAt: "2026-12-01T04:00:00Z",
    UpdatedAt: "2026-12-01T04:30:00Z",
    Spec: {
      Name: "web",
      Labels: { "com.docker.stack.namespace": "shop" },
      TaskTemplate: { ContainerSpec: { Image: "127.0.0.1:5000/web:v2@sha256:abc" } },
      Mode: { Replicated: { Replicas: 3 } },
    },
    ...overrides,
  };
}

function task(
  id: string,
  state: string,
  desired = "running",
  extra: Partial<SwarmTask["Status"]> = {},
): SwarmTask {
  return {
    ID: id,
    ServiceID: "svc1",
    NodeID: "n1",
    Slot: 1,
    CreatedAt: "2026-12-01T04:59:00Z",
    UpdatedAt: "2026-12-01T04:59:00Z",
    DesiredState: desired,
    Spec: { ContainerSpec: { Image: "127.0.0.1:5000/web:v2@sha256:abc" } },
    Status: { Timestamp: "2026-12-01T04:59:30Z", State: state, ...extra },
  };
}

describe("toServiceRow", () => {
  it("counts running replicas as `docker service ls` does and splits the pinned digest off the image", () => {
    const row = toServiceRow(
      "sierra",
      service(),
      [task("a", "running"), task("b", "running"), task("c", "running", "shutdown"), task("d", "preparing")],
      now,
    );
    expect(row).toMatchObject({
      name: "web",
      stack: "shop",
      image: "127.0.0.1:5000/web:v2",
      digest: "sha256:abc",
      mode: "replicated",
      replicas: { desired: 3, running: 2 },
      converging: true,
      failingTasks: 0,
    });
  });

  it("is converging while an update runs, even with every replica up, and counts recent failed tasks", () => {
    const row = toServiceRow(
      "sierra",
      service({ UpdateStatus: { State: "updating", StartedAt: "2026-12-01T04:59:00Z" } }),
      [
        task("a", "running"),
        task("b", "running"),
        task("c", "running"),
        task("d", "failed", "shutdown", {
          Err: "task: non-zero exit (3)",
          ContainerStatus: { ContainerID: "x", ExitCode: 3 },
        }),
      ],
      now,
    );
    expect(row.replicas).toEqual({ desired: 3, running: 3 });
    expect(row.converging).toBe(true);
    expect(row.failingTasks).toBe(1);
  });

  it("wants one task per node that runs a global service", () => {
    const row = toServiceRow(
      "sierra",
      service({ Spec: { ...service().Spec, Mode: { Global: {} } } }),
      [task("a", "running"), task("b", "pending")],
      now,
    );
    expect(row).toMatchObject({ mode: "global", replicas: { desired: 2, running: 1 } });
  });
});

describe("tasks", () => {
  it("flags failed and rejected tasks, and a non-zero exit the orchestrator did not ask for", () => {
    expect(isFailingTask(task("a", "failed"))).toBe(true);
    expect(isFailingTask(task("a", "rejected"))).toBe(true);
    expect(isFailingTask(task("a", "shutdown", "shutdown"))).toBe(false);
    expect(
      isFailingTask(task("a", "complete", "running", { ContainerStatus: { ContainerID: "x", ExitCode: 2 } })),
    ).toBe(true);
    expect(
      isFailingTask(task("a", "complete", "running", { ContainerStatus: { ContainerID: "x", ExitCode: 0 } })),
    ).toBe(false);
  });

  it("names the fleet host of a task's node, and has no exit code for a container that never ran", () => {
    const nodes = new Map([["n1", { hostname: "vm", fleetHostId: "tango" }]]);
    const rejected = toTaskRow(
      task("a", "rejected", "shutdown", { Err: "No such image", ContainerStatus: { ExitCode: 0 } }),
      nodes,
    );
    expect(rejected).toMatchObject({
      node: "vm",
      nodeHostId: "tango",
      exitCode: null,
      error: "No such image",
      failing: true,
    });
    expect(rejected.image).toBe("127.0.0.1:5000/web:v2");
  });
});

describe("settleUpdate", () => {
  it("maps UpdateStatus to the action's outcome, keeping the engine's message", () => {
    const done = settleUpdate(service({ UpdateStatus: { State: "completed" } }), "Redeploy");
    expect(done).toMatchObject({
      outcome: "succeeded",
      patch: { digestAfter: "sha256:abc", replicasAfter: 3 },
    });
    const undone = settleUpdate(
      service({
        UpdateStatus: { State: "rollback_completed", Message: "update rolled back due to failure" },
      }),
      "Redeploy",
    );
    expect(undone.outcome).toBe("rolled-back");
    expect(undone.message).toContain("update rolled back due to failure");
    expect(
      settleUpdate(service({ UpdateStatus: { State: "rollback_completed" } }), "Rollback", true).outcome,
    ).toBe("succeeded");
    expect(
      settleUpdate(service({ UpdateStatus: { State: "paused", Message: "update paused" } }), "Restart")
        .outcome,
    ).toBe("failed");
  });
});
