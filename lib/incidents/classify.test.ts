import { describe, expect, it } from "vitest";
import { RECOVERED_AFTER_MS } from "@/lib/fleet/classify-exit";
import type { Incident, IncidentKind } from "@/lib/fleet/incident-types";
import type { ContainerRow } from "@/lib/fleet/types";
import { decideCrash, endReason, isRecovered, LOOP_WINDOW_MS, rowEffects } from "./classify";

let nextId = 1;
function incident(kind: IncidentKind, lastAt: number, patch: Partial<Incident> = {}): Incident {
  const iso = new Date(lastAt).toISOString();
  return {
    ...{
      id: nextId++,
      hostId: "alpha",
      containerName: "shop-web-1",
      containerId: "9f1c2ab34de5",
      image: "nginx:1.27",
    },
    ...{
      kind,
      exitCode: kind === "unhealthy" ? null : 3,
      openedAt: iso,
      lastAt: iso,
      endedAt: null,
      count: 1,
    },
    ...{
      logTail: [],
      healthOutput: null,
      acknowledgedBy: null,
      acknowledgedAt: null,
      lastStderr: null,
      oom: false,
      notes: [],
      logReadAt: null,
      deploy: null,
    },
    ...{ target: "container" as const, endReason: null, taskId: null, nodeId: null, error: null },
    ...patch,
  };
}

const T0 = Date.parse("2024-05-02T09:00:00Z");

describe("decideCrash", () => {
  it("opens an exit incident for a first crash, an oom incident for a first OOM", () => {
    expect(decideCrash([], "crash", T0)).toEqual({ action: "open", kind: "exit" });
    expect(decideCrash([], "oom", T0)).toEqual({ action: "open", kind: "oom" });
  });

  it.each<IncidentKind>(["exit", "oom", "restart-loop"])(
    "bumps an open %s incident crashed again within the window",
    (kind) => {
      const open = incident(kind, T0);
      expect(decideCrash([open], "crash", T0 + 1_000)).toEqual({ action: "bump", incident: open });
      expect(decideCrash([open], "oom", T0 + LOOP_WINDOW_MS)).toEqual({ action: "bump", incident: open });
    },
  );

  it("does not grow an unhealthy incident into a restart loop", () => {
    const unhealthy = incident("unhealthy", T0);
    expect(decideCrash([unhealthy], "crash", T0 + 1_000)).toEqual({ action: "open", kind: "exit" });
    const exit = incident("exit", T0);
    expect(decideCrash([unhealthy, exit], "crash", T0 + 1_000)).toEqual({ action: "bump", incident: exit });
  });

  it("opens a new incident for a crash after the window", () => {
    const open = incident("restart-loop", T0, { openedAt: new Date(T0 - 60_000).toISOString(), count: 4 });
    expect(decideCrash([open], "crash", T0 + LOOP_WINDOW_MS + 1)).toEqual({ action: "open", kind: "exit" });
  });
});

function row(patch: Partial<ContainerRow> = {}): ContainerRow {
  return {
    ...{
      hostId: "alpha",
      id: "9f1c2ab34de5",
      name: "shop-web-1",
      image: "nginx:1.27",
      imageId: "sha256:4f67",
    },
    ...{ state: "running", health: null, exitCode: 0, oomKilled: false, restartCount: 0 },
    ...{
      createdAt: new Date(T0 - 3_600_000).toISOString(),
      startedAt: new Date(T0).toISOString(),
      finishedAt: null,
    },
    ...{ compose: null, labels: {}, exitCause: null, lastExit: null, attention: null, provenance: null },
    ...patch,
  };
}

describe("isRecovered", () => {
  it("ends an unhealthy incident only when the container runs and is no longer unhealthy", () => {
    const open = incident("unhealthy", T0);
    expect(isRecovered(open, row({ health: "healthy" }), T0 + 1)).toBe(true);
    expect(isRecovered(open, row({ health: "unhealthy" }), T0 + 1)).toBe(false);
    expect(isRecovered(open, row({ health: "starting" }), T0 + 1)).toBe(false);
    expect(isRecovered(open, row({ state: "exited", health: "healthy" }), T0 + 1)).toBe(false);
  });

  it.each<IncidentKind>(["exit", "oom", "restart-loop"])(
    "ends a %s incident once the container has run 10 s",
    (kind) => {
      const open = incident(kind, T0);
      expect(isRecovered(open, row(), T0 + RECOVERED_AFTER_MS - 1)).toBe(false);
      expect(isRecovered(open, row(), T0 + RECOVERED_AFTER_MS)).toBe(true);
      expect(isRecovered(open, row({ health: "healthy" }), T0 + 60_000)).toBe(true);
    },
  );

  it("keeps a crash incident open while the container is not running well, however long", () => {
    const open = incident("restart-loop", T0);
    const later = T0 + 60_000;
    expect(isRecovered(open, row({ state: "restarting" }), later)).toBe(false);
    expect(isRecovered(open, row({ state: "exited", exitCode: 3 }), later)).toBe(false);
    expect(isRecovered(open, row({ health: "unhealthy" }), later)).toBe(false);
    expect(isRecovered(open, row({ health: "starting" }), later)).toBe(false);
    expect(isRecovered(open, row({ startedAt: null }), later)).toBe(false);
  });

  it("keeps a crash incident open while the row still shows the run that died (its inspect is queued)", () => {
    const open = incident("exit", T0 + 30_000);
    expect(isRecovered(open, row(), T0 + 60_000)).toBe(false);
    const restarted = row({ startedAt: new Date(T0 + 31_000).toISOString() });
    expect(isRecovered(open, restarted, T0 + 41_000)).toBe(true);
  });

  it("ends any incident of a container that was removed", () => {
    expect(isRecovered(incident("exit", T0), undefined, T0)).toBe(true);
    expect(isRecovered(incident("unhealthy", T0), undefined, T0)).toBe(true);
  });
});

describe("endReason", () => {
  it("says removed when the container is gone, replaced when another one runs under its name, else recovered", () => {
    const open = incident("exit", T0);
    expect(endReason(open, undefined)).toBe("removed");
    expect(endReason(open, row({ id: "0a1b2c3d4e5f" }))).toBe("replaced");
    expect(endReason(open, row({ id: open.containerId }))).toBe("recovered");
  });
});

describe("rowEffects", () => {
  it("opens on a fresh health failure or death, ends only on a running or removed container, and a death does neither", () => {
    const running = row({ state: "running", health: "healthy" });
    const unhealthy = row({ state: "running", health: "unhealthy" });
    const exited = row({ state: "exited", health: "unhealthy" });
    const dead = row({ state: "dead" });
    expect(rowEffects(running, unhealthy)).toEqual({ opensUnhealthy: true, opensDead: false, mayEnd: true });
    expect(rowEffects(unhealthy, unhealthy)).toEqual({
      opensUnhealthy: false,
      opensDead: false,
      mayEnd: true,
    });
    expect(rowEffects(running, exited)).toEqual({ opensUnhealthy: false, opensDead: false, mayEnd: false });
    expect(rowEffects(exited, dead)).toEqual({ opensUnhealthy: false, opensDead: true, mayEnd: false });
    expect(rowEffects(dead, dead).opensDead).toBe(false);
    expect(rowEffects(running, undefined)).toEqual({ opensUnhealthy: false, opensDead: false, mayEnd: true });
  });
});
