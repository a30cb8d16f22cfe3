import { describe, expect, it } from "vitest";
import type { Incident } from "@/lib/fleet/incident-types";
import { IncidentQuieter } from "./incident-quieter";

const incident = (over: Partial<Incident> = {}): Incident => ({
  id: 7,
  hostId: "alpha",
  containerName: "worker",
  containerId: "abc",
  image: "localhost/busybox:1",
  kind: "exit",
  exitCode: 3,
  openedAt: "2026-12-01T00:00:00.000Z",
  lastAt: "2026-12-01T00:00:00.000Z",
  endedAt: null,
  count: 1,
  logTail: [],
  lastStderr: null,
  logReadAt: null,
  oom: false,
  healthOutput: null,
  acknowledgedBy: null,
  acknowledgedAt: null,
  notes: [],
  deploy: null,
  target: "container",
  endReason: null,
  taskId: null,
  nodeId: null,
  error: null,
  ...over,
});

// When the tracker finished reading the run's log.
const READ = "2026-12-01T00:00:00.020Z";

describe("IncidentQuieter", () => {
  it("announces a crash whose log was read and found empty at once, without waiting for lines", () => {
    const q = new IncidentQuieter();
    expect(q.onIncident(incident())).toEqual([]);
    expect(q.onIncident(incident({ logReadAt: READ }))).toEqual(["opened"]);
  });

  it("announces a crash once its log tail is in, and its end", () => {
    const q = new IncidentQuieter();
    expect(q.onIncident(incident())).toEqual([]);
    expect(q.onIncident(incident({ logTail: ["boom"], logReadAt: READ, lastStderr: "boom" }))).toEqual([
      "opened",
    ]);
    expect(q.onIncident(incident({ logTail: ["boom"], logReadAt: READ, acknowledgedBy: "alice" }))).toEqual(
      [],
    );
    expect(q.onIncident(incident({ endedAt: "2026-12-01T00:01:00.000Z" }))).toEqual(["ended"]);
  });

  it("makes a 50-death restart loop one message, one update and one end", () => {
    const q = new IncidentQuieter();
    const sent: string[] = [];
    sent.push(...q.onIncident(incident()));
    sent.push(...q.onIncident(incident({ logTail: ["boom"], logReadAt: READ })));
    for (let count = 2; count <= 50; count++)
      sent.push(
        ...q.onIncident(incident({ kind: "restart-loop", count, logTail: ["boom"], logReadAt: READ })),
      );
    sent.push(
      ...q.onIncident(incident({ kind: "restart-loop", count: 50, endedAt: "2026-12-01T00:09:00.000Z" })),
    );
    expect(sent).toEqual(["opened", "updated", "ended"]);
  });

  it("sends no update when the loop began before the first message went out", () => {
    const q = new IncidentQuieter();
    const sent = [
      ...q.onIncident(incident()),
      ...q.onIncident(incident({ kind: "restart-loop", count: 2 })),
      ...q.onIncident(incident({ kind: "restart-loop", count: 2, logTail: ["boom"], logReadAt: READ })),
      ...q.onIncident(incident({ kind: "restart-loop", count: 3, logTail: ["boom"], logReadAt: READ })),
    ];
    expect(sent).toEqual(["opened"]);
  });

  it("announces without the log when it does not come in time, and only once", () => {
    const q = new IncidentQuieter();
    q.onIncident(incident());
    expect(q.giveUpWaiting(incident())).toEqual(["opened"]);
    expect(q.giveUpWaiting(incident())).toEqual([]);
    expect(q.onIncident(incident({ logTail: ["late"], logReadAt: READ }))).toEqual([]);
  });

  it("announces an unhealthy incident at once (it has no log tail to wait for)", () => {
    const q = new IncidentQuieter();
    expect(q.onIncident(incident({ kind: "unhealthy", exitCode: null, healthOutput: "fail" }))).toEqual([
      "opened",
    ]);
  });

  it("an incident that ends before its first message sends both, in order", () => {
    const q = new IncidentQuieter();
    q.onIncident(incident());
    expect(q.onIncident(incident({ endedAt: "2026-12-01T00:00:01.000Z" }))).toEqual(["opened", "ended"]);
  });

  it("stays silent about incidents open since before it started, until they end", () => {
    const q = new IncidentQuieter();
    expect(
      q.onIncident(incident({ kind: "restart-loop", count: 9, logTail: ["x"], logReadAt: READ })),
    ).toEqual([]);
    expect(
      q.onIncident(incident({ kind: "restart-loop", count: 10, logTail: ["x"], logReadAt: READ })),
    ).toEqual([]);
    expect(q.onIncident(incident({ kind: "restart-loop", endedAt: "2026-12-01T00:05:00.000Z" }))).toEqual([
      "ended",
    ]);
  });

  it("resumes what the last recorder opened: waits for the log it never read, then announces once", () => {
    const q = new IncidentQuieter();
    expect(q.resume(incident())).toEqual([]);
    expect(q.isWaiting(7)).toBe(true);
    expect(q.onIncident(incident({ logTail: ["boom"], logReadAt: READ }))).toEqual(["opened"]);
    expect(q.resume(incident({ logTail: ["boom"], logReadAt: READ }))).toEqual([]);
    expect(q.onIncident(incident({ endedAt: "2026-12-01T00:05:00.000Z" }))).toEqual(["ended"]);
  });

  it("resumes an incident whose log is already read by announcing it at once, and one already ended not at all", () => {
    const q = new IncidentQuieter();
    expect(q.resume(incident({ logTail: ["boom"], logReadAt: READ }))).toEqual(["opened"]);
    expect(q.resume(incident({ id: 8, endedAt: "2026-12-01T00:05:00.000Z" }))).toEqual([]);
  });
});
