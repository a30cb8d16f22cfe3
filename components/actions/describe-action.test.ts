import { describe, expect, it } from "vitest";
import { confirmationFor } from "./describe-action";

const target = (state: "running" | "exited" | "restarting" | "paused") => ({
  hostId: "alpha",
  name: "web",
  state,
  image: "shop:2",
});

describe("confirmationFor", () => {
  it("asks before anything that interrupts a serving container", () => {
    for (const action of ["stop", "restart", "redeploy", "rollback"] as const) {
      expect(confirmationFor(action, target("running")), action).not.toBeNull();
    }
    expect(confirmationFor("restart", target("paused"))).not.toBeNull();
  });

  it("does not ask to start, nor to restart a container that is down anyway", () => {
    expect(confirmationFor("start", target("exited"))).toBeNull();
    expect(confirmationFor("restart", target("exited"))).toBeNull();
    expect(confirmationFor("restart", target("restarting"))).toBeNull();
  });

  it("names the container, the host and, for a redeploy, the image pulled", () => {
    const redeploy = confirmationFor("redeploy", target("running"))!;
    expect(redeploy.title).toBe("Redeploy web?");
    expect(redeploy.body).toContain("pulls shop:2 on alpha");
  });
});
