import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ActionResult } from "@/lib/actions/types";
import type { OlderLinesResponse, ProjectContainersEvent, ProjectLinesEvent } from "@/lib/logs/types";
import type { ActionProgress, FleetMessage } from "@/lib/fleet/live/messages";
import type { ContainerResponse } from "@/lib/fleet/types";
import { api } from "../support/api";
import {
  docker,
  removeTestContainers,
  runContainer,
  uniqueName,
  waitFor,
  type Engine,
} from "../support/fleet";
import { buildAndPush, REGISTRY } from "../support/images";
import { post } from "../support/post";
import { openEvents, openSse } from "../support/sse";

const used: Engine[] = ["alpha", "bravo", "charlie"];
beforeAll(() => Promise.all(used.map(removeTestContainers)));
afterAll(() => Promise.all(used.map(removeTestContainers)));

const serve = ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"];

describe("GET /api/containers/{hostId}/{nameOrId}/logs/older", () => {
  it("pages back through the log before a line, oldest first, down to its first line", async () => {
    const name = uniqueName("it-older");
    await runContainer(
      "bravo",
      name,
      [],
      [
        "sh",
        "-c",
        'i=1; while [ $i -le 1500 ]; do echo "line $i"; i=$((i+1)); done; echo ready; sleep 100000',
      ],
    );
    await waitFor(`${name} to print its lines`, async () =>
      (await docker("bravo", "logs", "--tail", "1", name).catch(() => "")).includes("ready"),
    );
    // The 1,001st line is where a page showing the last 500 starts.
    const ts = (await docker("bravo", "logs", "-t", name)).split("\n");
    const start = ts[1000]!.split(" ")[0]!;
    expect(ts[1000]).toContain("line 1001");

    const first = await api<OlderLinesResponse>(
      `/api/containers/bravo/${name}/logs/older?before=${encodeURIComponent(start)}&after=500`,
    );
    expect(first.status).toBe(200);
    expect(first.body.lines).toHaveLength(500);
    expect(first.body.lines[0]).toMatchObject({ stream: "stdout", text: "line 501" });
    expect(first.body.lines.at(-1)).toMatchObject({ text: "line 1000" });
    expect(first.body.more).toBe(true);

    const second = await api<OlderLinesResponse>(
      `/api/containers/bravo/${name}/logs/older?before=${encodeURIComponent(first.body.lines[0]!.ts!)}&limit=2000`,
    );
    expect(second.body.lines.map((line) => line.text)).toEqual(
      Array.from({ length: 500 }, (_, i) => `line ${i + 1}`),
    );
    expect(second.body.more).toBe(false);
  });

  it("answers 400 naming what is wrong, 404 for an unknown container", async () => {
    const bad = await api<{ error: { code: string; message: string } }>(
      "/api/containers/alpha/web/logs/older?before=yesterday",
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/before/);
    const limit = await api("/api/containers/alpha/web/logs/older?before=2026-01-01T00:00:00Z&limit=5000");
    expect(limit.status).toBe(400);
    const missing = await api<{ error: { message: string } }>(
      `/api/containers/alpha/${uniqueName("it-none")}/logs/older?before=2026-01-01T00:00:00Z`,
    );
    expect(missing.status).toBe(404);
  });
});

describe("GET /api/projects/{project}/logs", () => {
  it("merges the lines of a compose project's containers on several hosts, naming each line's container", async () => {
    const project = `itp${Date.now().toString(36)}`;
    const labels = (service: string) => [
      "--label",
      `com.docker.compose.project=${project}`,
      "--label",
      `com.docker.compose.service=${service}`,
    ];
    const web = uniqueName("it-merged-web");
    const api_ = uniqueName("it-merged-api");
    await runContainer("alpha", web, labels("web"), ["sh", "-c", "echo 'web up'; " + serve[2]]);
    await runContainer("charlie", api_, labels("api"), ["sh", "-c", "echo 'api up' >&2; " + serve[2]]);
    await waitFor("both to be in the live fleet", async () => {
      const a = await api<ContainerResponse>(`/api/containers/alpha/${web}`);
      const c = await api<ContainerResponse>(`/api/containers/charlie/${api_}`);
      return a.status === 200 && c.status === 200;
    });

    const stream = await openSse(`/api/projects/${project}/logs`);
    try {
      await stream.until(
        (received) =>
          received.filter((m) => m.event === "lines").flatMap((m) => (m.data as ProjectLinesEvent).lines)
            .length >= 2,
        "a line of each container",
      );
      const containers = stream.received.find((m) => m.event === "containers")!
        .data as ProjectContainersEvent;
      expect(containers.containers.map((c) => [c.hostId, c.name])).toEqual([
        ["alpha", web],
        ["charlie", api_],
      ]);
      const lines = stream.received
        .filter((m) => m.event === "lines")
        .flatMap((m) => (m.data as ProjectLinesEvent).lines);
      expect(lines).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ hostId: "alpha", container: web, stream: "stdout", text: "web up" }),
          expect.objectContaining({ hostId: "charlie", container: api_, stream: "stderr", text: "api up" }),
        ]),
      );
    } finally {
      await stream.close();
    }
    const missing = await api("/api/projects/no-such-project-anywhere/logs");
    expect(missing.status).toBe(404);
    const bad = await api("/api/projects/not%20a%20name/logs");
    expect(bad.status).toBe(400);
  });
});

describe("a redeploy's checklist on the event stream", () => {
  it("sends the plan, each step with its start, bytes pulled and the grace deadline", async () => {
    const ref = `${REGISTRY}/it-steps-${Date.now().toString(36)}:latest`;
    await buildAndPush("alpha", ref, { version: "v1" });
    const name = uniqueName("it-steps");
    await runContainer("alpha", name, ["--memory", "64m", "--cpus", "0.5"], serve, ref);
    await buildAndPush("bravo", ref, { version: "v2" });

    // The limits are in the container's detail.
    const detail = await api<ContainerResponse>(`/api/containers/alpha/${name}`);
    expect(detail.body.container.limits).toMatchObject({ memoryBytes: 64 * 2 ** 20, cpus: 0.5 });

    const events = await openEvents();
    try {
      await events.until((received) => received.some((m) => m.event === "snapshot"), "the snapshot");
      const { status } = await post<ActionResult>(`/api/containers/alpha/${name}/redeploy`, {
        graceSeconds: 1,
      });
      expect(status).toBe(200);
      const progress = () =>
        events.received
          .filter((m) => m.event === "action")
          .map((m) => (m.data as Extract<FleetMessage, { type: "action" }>).progress as ActionProgress)
          .filter((p) => p.containerName === name);
      await events.until(() => progress().some((p) => p.done), "the end of the redeploy");
      const last = progress().at(-1)!;
      expect(last).toMatchObject({ done: true, outcome: "succeeded" });
      expect(last.plan).toEqual(["pull", "create", "stop-old", "start-new", "check", "remove-old"]);
      expect(last.steps?.map((step) => step.id)).toEqual(last.plan);
      const times = last.steps!.map((step) => Date.parse(step.at));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(Date.parse(last.endedAt!)).toBeGreaterThanOrEqual(times.at(-1)!);
      const check = last.steps!.find((step) => step.id === "check")!;
      expect(Date.parse(check.until!) - Date.parse(check.at)).toBe(1_000);
      // While pulling, bytes, when the registry reports sizes: never more than the whole.
      for (const item of progress())
        if (item.pulled) expect(item.pulled.current).toBeLessThanOrEqual(item.pulled.total);
      expect(progress().some((p) => p.steps?.at(-1)?.id === "pull" && !p.done)).toBe(true);
    } finally {
      await events.close();
    }
  });
});
