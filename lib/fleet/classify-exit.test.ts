import { describe, expect, it } from "vitest";
import { afterStop, classifyDie, freshRun, rememberEvent } from "./classify-exit";
import type { ExitCause } from "./types";

type Event = [action: string, attributes?: Record<string, string>, gapMs?: number];

/**
 * Feeds a container's events through classify the way the incident tracker does; returns the last cause.
 * Events are 100 ms apart unless an event gives its own gap since the previous one.
 */
function causeOf(events: Event[]): ExitCause | undefined {
  let memory = freshRun();
  let cause: ExitCause | undefined;
  let at = 1_000_000;
  for (const [action, attributes = {}, gapMs = 100] of events) {
    at += gapMs;
    if (action === "die") cause = classifyDie(memory, Number(attributes.exitCode ?? 0), at);
    if (action === "stop") cause = afterStop(cause);
    memory = rememberEvent(memory, action, attributes, at);
  }
  return cause;
}

const kill = (signal: string): Event => ["kill", { signal }];
const die = (exitCode: number, gapMs?: number): Event => ["die", { exitCode: String(exitCode) }, gapMs];

describe("exit causes from Docker's event sequences", () => {
  it("calls `docker stop` stopped, however the process ended", () => {
    expect(causeOf([["start"], kill("15"), die(143), ["stop"]])).toBe("stopped");
    expect(causeOf([["start"], kill("15"), kill("9"), die(137), ["stop"]])).toBe("stopped");
  });

  it("calls a stop the process exited 0 from clean", () => {
    expect(causeOf([["start"], kill("15"), die(0), ["stop"]])).toBe("clean");
  });

  it("calls `docker kill` killed", () => {
    expect(causeOf([["start"], kill("9"), die(137)])).toBe("killed");
  });

  it("does not let a reload signal long before excuse a later crash", () => {
    expect(causeOf([["start"], kill("1"), die(1, 30_000)])).toBe("crash");
    expect(causeOf([["start"], kill("1"), die(129, 50)])).toBe("killed");
    expect(causeOf([["start"], kill("15"), die(143, 20 * 60_000)])).toBe("crash");
  });

  it("calls the kernel's OOM kill oom, with no kill event before it", () => {
    expect(causeOf([["start"], ["oom"], die(137)])).toBe("oom");
  });

  it("calls a non-zero exit nobody asked for a crash", () => {
    expect(causeOf([["start"], die(3)])).toBe("crash");
    expect(causeOf([["start"], die(137)])).toBe("crash");
  });

  it("forgets an earlier run's kill and OOM once the container starts again", () => {
    expect(causeOf([kill("15"), die(143), ["stop"], ["start"], die(3)])).toBe("crash");
    expect(causeOf([["oom"], die(137), ["start"], die(1)])).toBe("crash");
  });

  it("leaves a crash a crash when a stop event follows it", () => {
    expect(afterStop("crash")).toBe("crash");
    expect(afterStop(undefined)).toBeUndefined();
  });
});
