import { describe, expect, it } from "vitest";
import {
  awaitsStep,
  mayBecomeRestart,
  openFor,
  segmentLifecycle,
  type LifecycleEvent,
} from "./classify-lifecycle";

// Event lists written as "action[:signal|:exitCode]@ms"; what Docker 20.10 sends, checked with `docker events`.
const events = (...specs: string[]): LifecycleEvent[] =>
  specs.map((spec) => {
    const [head, time] = spec.split("@");
    const [action, value] = head!.split(":");
    const at = Number(time ?? 0);
    if (action === "kill") return { action, at, signal: value };
    if (action === "die") return { action, at, exitCode: Number(value ?? 0) };
    return { action: action!, at };
  });

const manual = { diedBefore: false, isPolicyRestart: () => false };
const verbs = (list: LifecycleEvent[], context = manual) =>
  segmentLifecycle(list, context).map((s) =>
    s.verb ? `${s.verb}${s.detail ? ` (${s.detail})` : ""}` : null,
  );

describe("segmentLifecycle", () => {
  it("names each docker command by its verb, with what the engine said", () => {
    expect(verbs(events("kill:15@0", "die:0@200", "stop@210"))).toEqual(["stop (SIGTERM; exit code 0)"]);
    expect(verbs(events("kill:9@0", "die:137@30"))).toEqual(["kill (SIGKILL; exit code 137)"]);
    expect(verbs(events("kill:15@0", "die:0@200", "stop@220", "start@500", "restart@501"))).toEqual([
      "restart (SIGTERM; exit code 0)",
    ]);
    expect(verbs(events("kill:9@0", "die:137@30", "destroy@200"))).toEqual([
      "remove (SIGKILL; exit code 137)",
    ]);
    expect(verbs(events("destroy@0"))).toEqual(["remove"]);
    expect(verbs(events("start@0"))).toEqual(["start"]);
    expect(verbs(events("start@0", "restart@1"))).toEqual(["restart"]);
    // Under load, a `docker restart`'s start came seconds after its stop: its restart event still joins them.
    expect(verbs(events("kill:15@0", "die:0@200", "stop@220", "start@3500", "restart@3501"))).toEqual([
      "restart (SIGTERM; exit code 0)",
    ]);
  });

  it("keeps a stop that waited out its timeout as one stop", () => {
    expect(verbs(events("kill:15@0", "kill:9@10000", "die:137@10030", "stop@10040"))).toEqual([
      "stop (SIGTERM, then SIGKILL; exit code 137)",
    ]);
    // On a loaded engine the death after the KILL, or the stop after the death, came seconds late (seen in CI).
    expect(verbs(events("kill:15@0", "kill:9@1000", "die:137@2600", "stop@2610"))).toEqual([
      "stop (SIGTERM, then SIGKILL; exit code 137)",
    ]);
    expect(verbs(events("kill:15@0", "kill:9@1000", "die:137@1040", "stop@3600"))).toEqual([
      "stop (SIGTERM, then SIGKILL; exit code 137)",
    ]);
  });

  it("waits for the step that tells a stop from kills: a SIGKILL's death, a stop signal's stop", () => {
    const awaits = (...specs: string[]) => {
      const list = events(...specs);
      return awaitsStep(list, segmentLifecycle(list, manual).at(-1)!);
    };
    expect(awaits("kill:15@0", "kill:9@1000")).toBe(true);
    expect(awaits("kill:15@0", "kill:9@1000", "die:137@1400")).toBe(true);
    expect(awaits("kill:15@0", "die:0@200")).toBe(true);
    expect(awaits("kill:15@0", "kill:9@1000", "die:137@1400", "stop@1410")).toBe(false);
    // A `docker kill`: its death tells it all. A TERM alone may be caught: `openFor` keeps that open instead.
    expect(awaits("kill:9@0", "die:137@30")).toBe(false);
    expect(awaits("kill:15@0")).toBe(false);
    expect(awaits("start@0")).toBe(false);
  });

  it("splits commands given one after another, however close", () => {
    expect(verbs(events("pause@0", "unpause@35"))).toEqual(["pause", "unpause"]);
    expect(verbs(events("kill:15@0", "die:0@100", "stop@110", "start@300"))).toEqual([
      "stop (SIGTERM; exit code 0)",
      "start",
    ]);
    // A signal that was only a signal (a reload), then a `docker rm -f` a second later.
    expect(verbs(events("kill:1@0", "kill:9@1000", "die:137@1040", "destroy@1200"))).toEqual([
      "kill (SIGHUP)",
      "remove (SIGKILL; exit code 137)",
    ]);
    // A stop, then much later a start and another command's restart event do not make one restart.
    expect(verbs(events("kill:15@0", "die:0@10", "stop@20", "start@60000"))).toEqual([
      "stop (SIGTERM; exit code 0)",
      "start",
    ]);
  });

  it("leaves Docker's own doing out: crashes, restart-policy restarts and docker run", () => {
    const policy = { diedBefore: false, isPolicyRestart: () => true };
    expect(verbs(events("die:2@0", "start@400", "die:2@800", "start@1600"), policy)).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(verbs(events("create@0", "start@300"))).toEqual([null]);
    // On a freshly started engine a `docker run`'s start can come seconds after its create.
    expect(verbs(events("create@0", "start@4000"))).toEqual([null]);
    expect(verbs(events("oom@0", "die:137@1"))).toEqual([null, null]);
    // A `docker kill` of a container whose policy brings it back: the kill is a row, the policy's start is not.
    expect(verbs(events("kill:9@0", "die:137@20", "start@300"), policy)).toEqual([
      "kill (SIGKILL; exit code 137)",
      null,
    ]);
  });

  it("takes a start after a crash as a person's when Docker did not count it as a restart", () => {
    expect(verbs(events("start@0"), { diedBefore: true, isPolicyRestart: () => false })).toEqual(["start"]);
    expect(verbs(events("start@0"), { diedBefore: true, isPolicyRestart: () => true })).toEqual([null]);
    expect(verbs(events("start@0"), { diedBefore: false, isPolicyRestart: () => true })).toEqual(["start"]);
  });

  it("keeps the last command open, long only while a stop signal may be waiting out its timeout", () => {
    const pending = events("kill:15@0");
    const [segment] = segmentLifecycle(pending, manual);
    expect(segment).toMatchObject({ verb: "kill", open: true });
    expect(openFor(pending, segment!)).toBeGreaterThan(10_000);
    const done = events("kill:9@0", "die:137@30");
    expect(openFor(done, segmentLifecycle(done, manual)[0]!)).toBe(0);
    // A stop's death: its `stop` event may still come, and turns the kill into the stop it was.
    const dying = events("kill:15@0", "die:0@200");
    expect(openFor(dying, segmentLifecycle(dying, manual)[0]!)).toBe(1_000);
    const late = events("kill:15@0", "die:0@200", "stop@900");
    expect(segmentLifecycle(late, manual).map((s) => s.verb)).toEqual(["stop"]);
    // A create waits for the start of its `docker run`, however slow the engine is to start it.
    const created = events("create@0");
    expect(openFor(created, segmentLifecycle(created, manual)[0]!)).toBeGreaterThanOrEqual(10_000);
    // A stop stays open for the start of a `docker restart`; a start right after a stop awaits its restart event.
    const stopped = events("kill:15@0", "die:0@200", "stop@220");
    expect(openFor(stopped, segmentLifecycle(stopped, manual)[0]!)).toBeGreaterThanOrEqual(10_000);
    const started = events("kill:15@0", "die:0@200", "stop@220", "start@3500");
    const segments = segmentLifecycle(started, manual);
    expect(segments.map((s) => s.verb)).toEqual(["stop", "start"]);
    expect(mayBecomeRestart(started, segments[1]!)).toBe(true);
    expect(mayBecomeRestart(events("start@0"), segmentLifecycle(events("start@0"), manual)[0]!)).toBe(false);
  });
});
