import { describe, expect, it } from "vitest";
import { resolvePolicy } from "./resolve-policy";
import type { AutohealPolicy } from "./types";

const policy = (
  id: number,
  hostId: string | null,
  project: string | null,
  graceSeconds: number | null = null,
) =>
  ({
    id,
    hostId,
    project,
    graceSeconds,
    createdBy: "ops",
    createdAt: "2026-01-01T00:00:00.000Z",
  }) satisfies AutohealPolicy;
const row = (labels: Record<string, string>, hostId = "alpha") => ({ hostId, labels });
const shop = { "com.docker.compose.project": "shop", "com.docker.compose.service": "web" };

describe("resolvePolicy", () => {
  it("never covers a swarm task's container, whatever its labels or the policies say", () => {
    const task = { ...shop, "wharf.autoheal": "true", "com.docker.swarm.task.id": "t1" };
    expect(resolvePolicy(row(task), [policy(1, "alpha", "shop"), policy(2, null, null)], 10_000)).toBeNull();
  });

  it("is off by default", () => {
    expect(resolvePolicy(row({}), [], 10_000)).toBeNull();
    expect(resolvePolicy(row(shop), [policy(1, "bravo", null), policy(2, null, "blog")], 10_000)).toBeNull();
  });

  it("is on for wharf.autoheal=true and docker-autoheal's autoheal=true, with the default grace", () => {
    expect(resolvePolicy(row({ "wharf.autoheal": "true" }), [], 10_000)).toEqual({
      source: "label",
      label: "wharf.autoheal=true",
      graceMs: 10_000,
    });
    expect(resolvePolicy(row({ autoheal: "true" }), [], 500)).toEqual({
      source: "label",
      label: "autoheal=true",
      graceMs: 500,
    });
    expect(resolvePolicy(row({ autoheal: "yes please" }), [], 500)).toBeNull();
  });

  it("takes the most specific policy: project on the host, project anywhere, then the host", () => {
    const host = policy(1, "alpha", null, 30);
    const anywhere = policy(2, null, "shop", 20);
    const here = policy(3, "alpha", "shop", 5);
    expect(resolvePolicy(row(shop), [host, anywhere, here], 10_000)).toEqual({
      source: "policy",
      policy: here,
      graceMs: 5_000,
    });
    expect(resolvePolicy(row(shop), [host, anywhere], 10_000)).toMatchObject({ policy: anywhere });
    expect(resolvePolicy(row(shop), [host], 10_000)).toMatchObject({ policy: host, graceMs: 30_000 });
    expect(resolvePolicy(row({}), [host, anywhere], 10_000)).toMatchObject({ policy: host });
  });

  it("lets wharf.autoheal=false opt a container out of any policy", () => {
    expect(
      resolvePolicy(row({ ...shop, "wharf.autoheal": "false" }), [policy(1, "alpha", null)], 1),
    ).toBeNull();
  });

  it("gives a labelled container the grace period of a policy that covers it", () => {
    expect(resolvePolicy(row({ "wharf.autoheal": "true" }), [policy(1, "alpha", null, 2)], 10_000)).toEqual({
      source: "label",
      label: "wharf.autoheal=true",
      graceMs: 2_000,
    });
  });
});
