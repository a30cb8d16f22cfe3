import type { NewIncident } from "../types";

/** A plausible crash for tests; override only what a test is about. */
export function testIncident(overrides: Partial<NewIncident> = {}): NewIncident {
  return {
    hostId: "alpha",
    containerName: "api",
    containerId: "3f2a9c",
    image: "localhost/api:1",
    kind: "exit",
    exitCode: 3,
    openedAt: "2025-03-01T10:00:00.000Z",
    lastAt: "2025-03-01T10:00:00.000Z",
    count: 1,
    logTail: ["boom"],
    lastStderr: "boom",
    oom: false,
    healthOutput: null,
    ...overrides,
  };
}
