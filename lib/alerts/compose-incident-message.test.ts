import { describe, expect, it } from "vitest";
import type { Incident } from "@/lib/fleet/incident-types";
import { composeIncidentMessage } from "./compose-incident-message";
import { renderText } from "./render-text";

const incident: Incident = {
  id: 12,
  target: "container",
  endReason: null,
  taskId: null,
  nodeId: null,
  error: null,
  hostId: "alpha",
  containerName: "shop",
  containerId: "3f2a9c",
  image: "localhost:5000/shop:2",
  kind: "exit",
  exitCode: 3,
  openedAt: "2026-12-01T10:12:00.000Z",
  lastAt: "2026-12-01T10:12:00.000Z",
  endedAt: null,
  count: 1,
  logTail: [],
  lastStderr: null,
  logReadAt: null,
  oom: false,
  healthOutput: null,
  acknowledgedBy: null,
  acknowledgedAt: null,
  notes: [],
  deploy: {
    historyId: 40,
    at: "2026-12-01T10:00:00.000Z",
    actor: "alice",
    source: "ui",
    action: "redeploy",
    imageRefBefore: "localhost:5000/shop:1",
    imageRef: "localhost:5000/shop:2",
    digestBefore: "sha256:aaaaaaaaaaaaaaaa",
    digestAfter: "sha256:bbbbbbbbbbbbbbbb",
    versionBefore: "1.4.0",
    versionAfter: null,
    latest: true,
  },
};
const compose = (input: Partial<Parameters<typeof composeIncidentMessage>[0]> = {}) =>
  composeIncidentMessage({
    phase: "opened",
    incident,
    row: undefined,
    hostName: "Alpha",
    baseUrl: "https://wharf.example",
    at: incident.openedAt,
    ...input,
  });

describe("an incident's alert", () => {
  it("names the deploy it followed: who, when, from → to digest and version", () => {
    const message = compose();
    const line =
      "Opened within 30 minutes of a redeploy by alice at 2026-12-01T10:00:00.000Z: " +
      "localhost:5000/shop:1 (aaaaaaaaaaaa, 1.4.0) → localhost:5000/shop:2 (bbbbbbbbbbbb)";
    expect(message.details[0]).toBe(line);
    expect(message.deploy).toEqual({
      historyId: 40,
      action: "redeploy",
      outcome: "succeeded",
      message: line,
    });
    expect(renderText(message)).toContain(line);
  });

  it("says nothing of a deploy when there was none", () => {
    const message = compose({ incident: { ...incident, deploy: null } });
    expect(message.deploy).toBeNull();
    expect(message.details.join("\n")).not.toMatch(/deploy/);
  });

  it("names a service's deploy with the spec versions it moved between", () => {
    const message = compose({
      incident: {
        ...incident,
        target: "service",
        hostId: "sierra",
        containerName: "web",
        image: "",
        kind: "task-failed",
        deploy: { ...incident.deploy!, versionBefore: "7", versionAfter: "9" },
      },
    });
    const line =
      "Opened within 30 minutes of a redeploy by alice at 2026-12-01T10:00:00.000Z: " +
      "localhost:5000/shop:1 (aaaaaaaaaaaa, spec 7) → localhost:5000/shop:2 (bbbbbbbbbbbb, spec 9)";
    expect(message.details[0]).toBe(line);
    expect(message.deploy).toMatchObject({ historyId: 40, message: line });
    expect(renderText(message)).toContain(line);
  });
});
