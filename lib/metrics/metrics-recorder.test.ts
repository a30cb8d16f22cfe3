import { describe, expect, it } from "vitest";
import type { Host } from "@/lib/docker/host-config";
import type { EngineEvent } from "@/lib/docker/stream-events";
import { MetricsRecorder } from "./metrics-recorder";

const host = { id: "alpha" } as Host;
const progress = {
  historyId: 7,
  hostId: "alpha",
  containerName: "web",
  action: "restart" as const,
  progress: null,
};

function event(ms: number): EngineEvent {
  return {
    Type: "container",
    Action: "die",
    Actor: { ID: "c1" },
    time: Math.floor(ms / 1000),
    timeNano: ms * 1e6,
  } as EngineEvent;
}

describe("MetricsRecorder", () => {
  it("counts an action as running from its first event, and observes its duration when it ends", () => {
    const recorder = new MetricsRecorder();
    recorder.onMessage({ type: "action", progress: { ...progress, phase: "started", done: false } });
    expect(recorder.runningActions().get("restart")).toBe(1);
    recorder.onMessage({
      type: "action",
      progress: { ...progress, phase: "done", done: true, outcome: "succeeded", durationMs: 1500 },
    });
    expect(recorder.runningActions().get("restart")).toBeUndefined();
    const samples = recorder.actionDurations.samples();
    expect(samples.find((s) => s.suffix === "_count")).toEqual({
      suffix: "_count",
      labels: { action: "restart", outcome: "succeeded" },
      value: 1,
    });
    expect(samples.find((s) => s.suffix === "_sum")?.value).toBe(1.5);
  });

  it("keeps each host's event count and the lag of its last event, ignoring replayed ones", () => {
    const recorder = new MetricsRecorder();
    recorder.onChange({ kind: "event", host, event: event(10_000), replayed: true }, 99_000);
    expect(recorder.hostEvents("alpha")).toBeUndefined();
    recorder.onChange({ kind: "event", host, event: event(10_000), replayed: false }, 10_250);
    recorder.onChange({ kind: "event", host, event: event(20_000), replayed: false }, 20_040);
    expect(recorder.hostEvents("alpha")).toEqual({ count: 2, lastLagSeconds: 0.04, lastEventSeconds: 20 });
  });
});
