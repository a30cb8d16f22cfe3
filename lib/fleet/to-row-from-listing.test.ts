import { describe, expect, it } from "vitest";
import type { ContainerListItem } from "@/lib/docker/types";
import { exitCodeOf, healthOf } from "./status-line";
import { toRowFromListing } from "./to-row-from-listing";

const ID = "9f1c2ab34de5f67890a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f607";

/** What `docker ps -a` (API 1.41) lists for a container of the compose project "shop". */
function listed(rest: Partial<ContainerListItem>): ContainerListItem {
  return {
    Id: ID,
    Names: ["/shop-worker-1"],
    Image: "shop/worker:2",
    ImageID: "sha256:4f67c83422ec747235357c04556616234e66fc3fa39cb4f40b2d4441ddd8f100",
    Created: 1714641243,
    State: "exited",
    Status: "Exited (3) 2 minutes ago",
    Labels: { "com.docker.compose.project": "shop", "com.docker.compose.service": "worker" },
    ...rest,
  };
}

describe("a container whose inspect the engine never answered", () => {
  it("shows the state, exit code and health its list entry gives", () => {
    expect(toRowFromListing("alpha", listed({}))).toMatchObject({
      hostId: "alpha",
      id: ID,
      name: "shop-worker-1",
      image: "shop/worker:2",
      state: "exited",
      exitCode: 3,
      health: null,
      compose: { project: "shop", service: "worker" },
      createdAt: "2024-05-02T09:14:03.000Z",
      startedAt: null,
      finishedAt: null,
    });
    expect(
      toRowFromListing("alpha", listed({ State: "running", Status: "Up 5 minutes (unhealthy)" })),
    ).toMatchObject({ state: "running", exitCode: 0, health: "unhealthy" });
  });

  it("is no row without a name", () => {
    expect(toRowFromListing("alpha", listed({ Names: [] }))).toBeNull();
  });
});

describe("a list entry's status line", () => {
  it("tells the exit code of an exited container, and none otherwise", () => {
    expect(exitCodeOf("Exited (137) 3 seconds ago")).toBe(137);
    expect(exitCodeOf("Exited (0) About a minute ago")).toBe(0);
    expect(exitCodeOf("Up 2 hours")).toBeNull();
    expect(exitCodeOf("Created")).toBeNull();
  });

  it("tells the health of a running container", () => {
    expect(healthOf("Up 3 minutes (healthy)")).toBe("healthy");
    expect(healthOf("Up 3 seconds (health: starting)")).toBe("starting");
    expect(healthOf("Up 3 minutes")).toBeNull();
  });
});
