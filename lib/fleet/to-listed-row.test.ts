import { describe, expect, it } from "vitest";
import type { ContainerInspect, ContainerListItem } from "@/lib/docker/types";
import { toContainerRow } from "./to-container-row";
import { toListedRow } from "./to-listed-row";

const ZERO = "0001-01-01T00:00:00Z";
const IMAGE_ID = "sha256:4f67c83422ec747235357c04556616234e66fc3fa39cb4f40b2d4441ddd8f100";
const ID = "9f1c2ab34de5f67890a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f607";
const LABELS = { "com.docker.compose.project": "shop", "com.docker.compose.service": "web" };

/** What `docker ps -a` (API 1.41) lists for the container `docker create --name shop-web-1 nginx:1.25` made. */
function listed(rest: Partial<ContainerListItem> = {}): ContainerListItem {
  return {
    Id: ID,
    Names: ["/shop-web-1"],
    Image: "nginx:1.25",
    ImageID: IMAGE_ID,
    Created: 1714641243,
    State: "created",
    Status: "Created",
    Labels: LABELS,
    ...rest,
  };
}

/** `docker inspect` of the same container. */
function inspected(): ContainerInspect {
  return {
    Id: ID,
    Name: "/shop-web-1",
    Created: "2024-05-02T09:14:03.51234Z",
    Image: IMAGE_ID,
    RestartCount: 0,
    State: {
      ...{
        Status: "created",
        Running: false,
        Paused: false,
        Restarting: false,
        OOMKilled: false,
        Dead: false,
      },
      ...{ Pid: 0, ExitCode: 0, Error: "", StartedAt: ZERO, FinishedAt: ZERO },
    },
    Config: { Image: "nginx:1.25", Labels: LABELS },
    HostConfig: { NetworkMode: "none" },
  } as ContainerInspect;
}

describe("toListedRow", () => {
  it("gives a created container the row its inspect gives, the creation time in whole seconds", () => {
    const fromInspect = toContainerRow("alpha", inspected(), Date.now());
    expect(toListedRow("alpha", listed())).toEqual({ ...fromInspect, createdAt: "2024-05-02T09:14:03.000Z" });
  });

  it("leaves every container that ever ran to an inspect: the list lacks its exit, restarts and times", () => {
    for (const State of ["running", "exited", "restarting", "paused", "dead", "removing"])
      expect(toListedRow("alpha", listed({ State, Status: "Exited (3) 2 minutes ago" }))).toBeNull();
  });

  it("leaves a container listed by image id to an inspect, which still names the reference it was created from", () => {
    expect(toListedRow("alpha", listed({ Image: IMAGE_ID }))).toBeNull();
  });
});
