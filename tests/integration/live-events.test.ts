import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { FleetMessage, FleetSnapshot } from "@/lib/fleet/live/messages";
import type { ContainersResponse } from "@/lib/fleet/types";
import { api } from "../support/api";
import {
  allInspected,
  docker,
  engines,
  removeTestContainers,
  runContainer,
  uniqueName,
  TEST_LABEL,
  TEST_RUN,
  pause,
} from "../support/fleet";
import { expectedRow } from "../support/expected-row";
import { openEvents } from "../support/sse";

beforeAll(() => Promise.all(engines.map(removeTestContainers)));
afterAll(() => Promise.all(engines.map(removeTestContainers)));

const forever = ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"];

it("streams a snapshot, then each change: a crash arrives as the container's new row and an incident", async () => {
  const events = await openEvents();
  try {
    const snapshot = await events.next<FleetSnapshot>((e) => e.event === "snapshot", "the snapshot");
    expect(snapshot.data.hosts.map((h) => h.id)).toEqual(expect.arrayContaining([...engines]));
    expect(snapshot.id).toMatch(/^[a-z0-9]+:\d+$/);

    const name = uniqueName("it-live");
    await runContainer("bravo", name, [], ["sh", "-c", "echo bye >&2; exit 3"]);
    const crashed = await events.next<FleetMessage & { type: "container" }>(
      (e) =>
        e.event === "container" &&
        (e.data as { row?: { name: string; state: string } }).row?.name === name &&
        (e.data as { row: { state: string } }).row.state === "exited",
      "the crashed row",
    );
    expect(crashed.data.row).toMatchObject({ hostId: "bravo", exitCode: 3, exitCause: "crash" });
    const incident = await events.next<FleetMessage & { type: "incident" }>(
      (e) =>
        e.event === "incident" &&
        (e.data as { incident: { containerName: string } }).incident.containerName === name,
      "the incident",
    );
    expect(incident.data.incident).toMatchObject({ kind: "exit", exitCode: 3, hostId: "bravo" });

    await docker("bravo", "rm", name);
    const removed = await events.next<FleetMessage & { type: "container" }>(
      (e) =>
        e.event === "container" &&
        (e.data as { id: string; row: unknown }).id === crashed.data.id &&
        (e.data as { row: unknown }).row === null,
      "the removal",
    );
    expect(removed.data.hostId).toBe("bravo");
  } finally {
    await events.close();
  }
});

it("a client reconnecting with Last-Event-ID gets only what it missed", async () => {
  const first = await openEvents();
  const snapshot = await first.next((e) => e.event === "snapshot", "the snapshot");
  await first.close();

  const name = uniqueName("it-missed");
  await runContainer("charlie", name, [], forever);
  await vi.waitFor(async () => {
    const { body } = await api<ContainersResponse>(`/api/containers?host=charlie&q=${name}`);
    expect(body.containers[0]?.state).toBe("running");
  });

  const resumed = await openEvents({ lastEventId: snapshot.id! });
  try {
    const missed = await resumed.next(
      (e) => e.event === "container" && (e.data as { row?: { name: string } }).row?.name === name,
      "the missed change",
    );
    expect(resumed.received.some((e) => e.event === "snapshot")).toBe(false);
    expect(Number(missed.id!.split(":")[1])).toBeGreaterThan(Number(snapshot.id!.split(":")[1]));
  } finally {
    await resumed.close();
  }

  const stranger = await openEvents({ lastEventId: "another-server:5" });
  try {
    await stranger.next((e) => e.event === "snapshot", "a fresh snapshot for an unknown event id");
  } finally {
    await stranger.close();
  }
});

it("follows heavy churn and ends equal to docker inspect", async () => {
  const names = Array.from({ length: 12 }, (_, i) => uniqueName(`it-churn${i}`));
  await Promise.all(names.map((name, i) => runContainer(engines[i % 3]!, name, [], forever)));
  // Every container goes through stop, start, restart, pause/unpause or removal, all at once.
  await Promise.all(
    names.map(async (name, i) => {
      const engine = engines[i % 3]!;
      await docker(engine, "restart", "-t", "1", name);
      if (i % 4 === 0) await docker(engine, "rm", "-f", name);
      else if (i % 4 === 1) await docker(engine, "stop", "-t", "1", name);
      else if (i % 4 === 2) await pause(engine, name);
      else await docker(engine, "kill", name);
    }),
  );
  await vi.waitFor(
    async () => {
      const { body } = await api<ContainersResponse>("/api/containers");
      for (const engine of engines) {
        const inspected = (await allInspected(engine)).filter(
          (i) => i.Config.Labels?.[TEST_LABEL] === TEST_RUN,
        );
        const rows = body.containers.filter((r) => r.hostId === engine && r.labels[TEST_LABEL] === TEST_RUN);
        expect(rows.map((r) => r.id).sort()).toEqual(inspected.map((i) => i.Id).sort());
        for (const item of inspected) {
          const {
            exitCause: _c,
            lastExit: _l,
            attention: _a,
            provenance: _p,
            stale: _s,
            ...fromInspect
          } = rows.find((r) => r.id === item.Id)!;
          expect(fromInspect).toEqual(expectedRow(engine, item));
        }
      }
    },
    { timeout: 10_000, interval: 200 },
  );
});
