import { describe, expect, it } from "vitest";
import { actionProgressSchema } from "./action-progress-schema";

const progress = {
  historyId: 12,
  hostId: "alpha",
  containerName: "web",
  action: "redeploy",
  phase: "pulling",
  progress: 0.5,
  done: false,
  startedAt: "2026-12-07T10:00:00.000Z",
  plan: ["pull", "create", "stop-old", "start-new", "check", "remove-old"],
  steps: [{ id: "pull", at: "2026-12-07T10:00:00.000Z" }],
  pulled: { current: 5, total: 10 },
};

describe("an action's progress from another replica", () => {
  it("is taken as it was sent when every field is what a replica sends", () => {
    expect(actionProgressSchema.parse(progress)).toEqual(progress);
  });

  it("is refused with the field named when a field is not", () => {
    const refused = (value: object) => actionProgressSchema.safeParse({ ...progress, ...value });
    expect(refused({ action: "format-disk" }).error?.issues[0]?.path).toEqual(["action"]);
    expect(refused({ steps: [{ id: "pull", at: "x", extra: 1 }] }).error?.issues[0]?.code).toBe(
      "unrecognized_keys",
    );
    expect(refused({ script: "<img>" }).error?.issues[0]?.code).toBe("unrecognized_keys");
    expect(refused({ historyId: -1 }).error?.issues[0]?.path).toEqual(["historyId"]);
  });
});
