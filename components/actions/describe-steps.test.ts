import { describe, expect, it } from "vitest";
import type { ActionProgress } from "@/lib/fleet/live/messages";
import { checklist } from "./describe-steps";

const base: ActionProgress = {
  historyId: 1,
  hostId: "alpha",
  containerName: "web",
  action: "redeploy",
  phase: "creating",
  progress: null,
  done: false,
  plan: ["pull", "create", "stop-old", "start-new", "check", "remove-old"],
};
const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString();

describe("checklist", () => {
  it("marks steps before the current one done, with their durations, and the rest pending", () => {
    const items = checklist(
      {
        ...base,
        steps: [
          { id: "pull", at: at(0) },
          { id: "create", at: at(3) },
        ],
      },
      null,
    );
    expect(items.map((i) => i.state)).toEqual([
      "done",
      "running",
      "pending",
      "pending",
      "pending",
      "pending",
    ]);
    expect(items[0]!.endedAt! - items[0]!.startedAt!).toBe(3_000);
    expect(items[1]!.endedAt).toBeNull();
  });

  it("adds the rollback where it happened and skips what never ran", () => {
    const steps = [
      { id: "pull" as const, at: at(0) },
      { id: "create" as const, at: at(1) },
      { id: "stop-old" as const, at: at(2) },
      { id: "start-new" as const, at: at(3) },
      { id: "check" as const, at: at(4), until: at(9) },
      { id: "rollback" as const, at: at(6) },
    ];
    const items = checklist({ ...base, steps, done: true, outcome: "rolled-back" }, Date.parse(at(8)));
    expect(items.map((i) => [i.id, i.state])).toEqual([
      ["pull", "done"],
      ["create", "done"],
      ["stop-old", "done"],
      ["start-new", "done"],
      ["check", "done"],
      ["remove-old", "skipped"],
      ["rollback", "failed"],
    ]);
    expect(items[4]!.until).toBe(Date.parse(at(9)));
  });

  it("skips the rest of a redeploy that found nothing new to run", () => {
    const items = checklist(
      { ...base, steps: [{ id: "pull", at: at(0) }], done: true, outcome: "no-change" },
      1,
    );
    expect(items.map((i) => i.state)).toEqual([
      "done",
      "skipped",
      "skipped",
      "skipped",
      "skipped",
      "skipped",
    ]);
  });
});
