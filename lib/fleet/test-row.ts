import type { ContainerRow } from "./types";

/** A plausible running container row for tests; override only what a test is about. */
export function testRow(hostId: string, id: string, patch: Partial<ContainerRow> = {}): ContainerRow {
  return {
    ...{
      hostId,
      id,
      name: `app-${id}`,
      image: "nginx:1.27",
      imageId: "sha256:4f67",
      state: "running",
      health: null,
    },
    ...{
      exitCode: 0,
      oomKilled: false,
      restartCount: 0,
      createdAt: "2024-05-02T09:00:00Z",
      startedAt: "2024-05-02T09:00:01Z",
    },
    ...{
      finishedAt: null,
      compose: null,
      labels: {},
      exitCause: null,
      lastExit: null,
      attention: null,
      provenance: null,
    },
    ...patch,
  };
}
