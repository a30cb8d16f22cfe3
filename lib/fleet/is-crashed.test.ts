import { describe, expect, it } from "vitest";
import { isCrashed } from "./is-crashed";
import type { AttentionReason, ListedContainer } from "./types";

const row = (attention: AttentionReason | null, stale = false, labels: Record<string, string> = {}) =>
  ({ state: "exited", attention, stale, labels }) as ListedContainer;

describe("isCrashed", () => {
  it("takes the server's verdicts of non-zero exits, OOM kills and dead containers", () => {
    expect(isCrashed(row("exit"))).toBe(true);
    expect(isCrashed(row("oom"))).toBe(true);
    expect(isCrashed(row("dead"))).toBe(true);
  });

  it("leaves rows without a verdict, restart loops and unhealthy ones alone", () => {
    expect(isCrashed(row(null))).toBe(false);
    expect(isCrashed(row("restart-loop"))).toBe(false);
    expect(isCrashed(row("unhealthy"))).toBe(false);
  });

  it("does not count a row of a host that is down", () => {
    expect(isCrashed(row("exit", true))).toBe(false);
  });

  it("leaves a swarm task's container to the swarm", () => {
    const task = { "com.docker.swarm.task.id": "t1", "com.docker.swarm.service.name": "web" };
    expect(isCrashed(row("exit", false, task))).toBe(false);
    expect(isCrashed(row("oom", false, { "com.docker.swarm.service.name": "web" }))).toBe(true);
  });
});
