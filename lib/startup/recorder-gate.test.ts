import { describe, expect, it } from "vitest";
import type { Host } from "@/lib/docker/host-config";
import type { FleetChange } from "@/lib/fleet/live/change-feed";
import { RecorderGate } from "./recorder-gate";

const host = { id: "alpha" } as Host;
const die = (name: string, timeNano: number): FleetChange => ({
  kind: "event",
  host,
  event: { Type: "container", Action: "die", Actor: { ID: name, Attributes: { name } }, timeNano } as never,
  replayed: false,
});
const named = (changes: FleetChange[]) =>
  changes.map((change) => (change.kind === "event" ? change.event.Actor.ID : "row"));

function fakeRole(recorder: boolean) {
  const listeners: ((recorder: boolean) => void)[] = [];
  return {
    isRecorder: () => recorder,
    onChange: (listener: (recorder: boolean) => void) => listeners.push(listener),
    set: (next: boolean) => {
      recorder = next;
      for (const listener of listeners) listener(next);
    },
  };
}

describe("RecorderGate", () => {
  it("with one server (always the recorder) passes every change straight on", () => {
    const gate = new RecorderGate(fakeRole(true), async () => []);
    const heard: FleetChange[] = [];
    gate.add("incidents", (change) => heard.push(change));
    gate.onChange(die("web", 1));
    expect(named(heard)).toEqual(["web"]);
  });

  it("a follower records nothing; once the recorder, it records what it missed, then what came meanwhile, each once", async () => {
    const role = fakeRole(false);
    let finishCatchUp!: (changes: FleetChange[]) => void;
    const gate = new RecorderGate(role, () => new Promise((resolve) => (finishCatchUp = resolve)));
    const heard: FleetChange[] = [];
    gate.add("incidents", (change) => heard.push(change));
    gate.onChange(die("seen-as-follower", 1));
    expect(heard).toEqual([]);
    role.set(true);
    // Arrives live while the catch-up reads the engines: it waits, and it is in the catch-up too.
    gate.onChange(die("during-catch-up", 3));
    expect(heard).toEqual([]);
    finishCatchUp([die("seen-as-follower", 1), die("while-nobody-recorded", 2), die("during-catch-up", 3)]);
    await expect.poll(() => gate.recording()).toBe(true);
    expect(named(heard)).toEqual(["seen-as-follower", "while-nobody-recorded", "during-catch-up"]);
    gate.onChange(die("live", 4));
    expect(named(heard).at(-1)).toBe("live");
  });

  it("stops recording at once when the lease is lost", async () => {
    const role = fakeRole(true);
    const gate = new RecorderGate(role, async () => []);
    const heard: FleetChange[] = [];
    gate.add("incidents", (change) => heard.push(change));
    role.set(false);
    gate.onChange(die("after-the-loss", 1));
    expect(heard).toEqual([]);
    expect(gate.recording()).toBe(false);
  });

  it("tells its promotion after the missed changes are recorded, once per promotion", async () => {
    const role = fakeRole(false);
    const gate = new RecorderGate(role, async () => [die("missed", 1)]);
    const order: string[] = [];
    gate.add("incidents", (change) => order.push(named([change])[0]!));
    gate.onPromoted(() => order.push("promoted"));
    role.set(true);
    await expect.poll(() => gate.recording()).toBe(true);
    expect(order).toEqual(["missed", "promoted"]);
    role.set(false);
    role.set(true);
    await expect.poll(() => gate.recording()).toBe(true);
    expect(order).toEqual(["missed", "promoted", "promoted"]);
  });
});
