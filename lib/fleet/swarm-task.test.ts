import { describe, expect, it } from "vitest";
import { swarmServiceOf, swarmTaskRefusal } from "./swarm-task";

describe("swarmTaskRefusal", () => {
  it("names the service of a task's container, and nothing for a container of its own", () => {
    const labels = {
      "com.docker.swarm.task.id": "k2x9",
      "com.docker.swarm.service.name": "web",
      "com.docker.swarm.service.id": "s1",
    };
    expect(swarmTaskRefusal({ name: "web.1.k2x9", hostId: "sierra", labels })).toBe(
      "web.1.k2x9 on sierra belongs to swarm service web: act on the service",
    );
    expect(swarmServiceOf({ "com.docker.swarm.task.id": "k2x9", "com.docker.swarm.service.id": "s1" })).toBe(
      "s1",
    );
    expect(
      swarmTaskRefusal({ name: "db", hostId: "alpha", labels: { "com.docker.compose.project": "shop" } }),
    ).toBeNull();
  });
});
