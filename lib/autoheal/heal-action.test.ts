import { describe, expect, it } from "vitest";
import type { ContainerRow } from "@/lib/fleet/types";
import { dockerWillRestart, healAction } from "./heal-action";

type Row = Parameters<typeof healAction>[0];
const running: Row = {
  name: "web",
  state: "running",
  health: "healthy",
  attention: null,
  exitCause: null,
  oomKilled: false,
  labels: {},
};
const crashed: Row = { ...running, state: "exited", health: null, attention: "exit", exitCause: "crash" };
const row = (patch: Partial<ContainerRow>): Row => ({ ...running, ...patch });

describe("healAction", () => {
  it("never heals a swarm task's container: the swarm replaces its tasks", () => {
    const task = { "com.docker.swarm.task.id": "t1", "com.docker.swarm.service.name": "web" };
    expect(healAction({ ...crashed, labels: task })).toBeNull();
    expect(healAction(row({ health: "unhealthy", attention: "unhealthy", labels: task }))).toBeNull();
    expect(healAction(crashed)).toBe("start");
  });

  it("restarts a running container whose health check fails", () => {
    expect(healAction(row({ health: "unhealthy", attention: "unhealthy" }))).toBe("restart");
  });

  it("leaves healthy, starting and unchecked running containers alone", () => {
    expect(healAction(running)).toBeNull();
    expect(healAction(row({ health: "starting" }))).toBeNull();
    expect(healAction(row({ health: null }))).toBeNull();
  });

  it("starts a container that crashed with a non-zero exit, or was killed for memory", () => {
    expect(healAction(crashed)).toBe("start");
    expect(healAction({ ...crashed, attention: "oom", exitCause: "oom", oomKilled: true })).toBe("start");
    // Wharf did not see the death, but the engine says the kernel killed it: nobody asks for that.
    expect(healAction({ ...crashed, attention: "oom", exitCause: null, oomKilled: true })).toBe("start");
  });

  it("never touches a container a person stopped or killed, even when its health reads unhealthy", () => {
    expect(healAction({ ...crashed, attention: null, exitCause: "stopped" })).toBeNull();
    expect(healAction({ ...crashed, attention: null, exitCause: "killed" })).toBeNull();
    expect(healAction({ ...crashed, health: "unhealthy", attention: null, exitCause: "stopped" })).toBeNull();
  });

  it("leaves a non-zero exit Wharf did not see happen alone (a stop and a crash read the same afterwards)", () => {
    expect(healAction({ ...crashed, exitCause: null })).toBeNull();
  });

  it("leaves clean exits, restart loops, dead and never-started containers to people and Docker", () => {
    expect(healAction({ ...crashed, attention: null, exitCause: "clean" })).toBeNull();
    expect(healAction(row({ state: "restarting", attention: "restart-loop" }))).toBeNull();
    expect(healAction(row({ state: "dead", attention: "dead" }))).toBeNull();
    expect(healAction(row({ state: "created" }))).toBeNull();
  });

  it("never touches the container a redeploy set aside", () => {
    expect(healAction({ ...crashed, name: "web-wharf-old-2" })).toBeNull();
    expect(healAction(row({ name: "web-wharf-old-1", health: "unhealthy" }))).toBeNull();
  });
});

describe("dockerWillRestart", () => {
  it("is false for no policy and `no`", () => {
    expect(dockerWillRestart(undefined, 0)).toBe(false);
    expect(dockerWillRestart({ Name: "", MaximumRetryCount: 0 }, 0)).toBe(false);
    expect(dockerWillRestart({ Name: "no", MaximumRetryCount: 0 }, 0)).toBe(false);
  });

  it("is true for always and unless-stopped, and on-failure without a limit", () => {
    expect(dockerWillRestart({ Name: "always", MaximumRetryCount: 0 }, 9)).toBe(true);
    expect(dockerWillRestart({ Name: "unless-stopped", MaximumRetryCount: 0 }, 9)).toBe(true);
    expect(dockerWillRestart({ Name: "on-failure", MaximumRetryCount: 0 }, 9)).toBe(true);
  });

  it("is true for on-failure until its retries are used up", () => {
    expect(dockerWillRestart({ Name: "on-failure", MaximumRetryCount: 3 }, 2)).toBe(true);
    expect(dockerWillRestart({ Name: "on-failure", MaximumRetryCount: 3 }, 3)).toBe(false);
  });
});
