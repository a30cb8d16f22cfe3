import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { authHeaders } from "../support/api";
import type { LogEntry } from "@/lib/docker/types";
import type { EndEvent, LinesEvent } from "@/lib/logs/types";
import type { UsageSample } from "@/lib/stats/types";
import {
  docker,
  inspect,
  removeTestContainers,
  runContainer,
  uniqueName,
  waitFor,
  type Engine,
} from "../support/fleet";
import { openSse, type SseMessage } from "../support/sse";

const used: Engine[] = ["alpha", "bravo", "charlie"];
beforeAll(() => Promise.all(used.map(removeTestContainers)));
afterAll(() => Promise.all(used.map(removeTestContainers)));

const ISO_NANO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{9}Z$/;
const linesOf = (received: SseMessage[]): LogEntry[] =>
  received.filter((m) => m.event === "lines").flatMap((m) => (m.data as LinesEvent).lines);
const plain = (lines: LogEntry[]) => lines.map(({ stream, text }) => ({ stream, text }));
const out = (text: string) => ({ stream: "stdout", text });
const err = (text: string) => ({ stream: "stderr", text });
const logsPath = (engine: string, name: string, query = "") =>
  `/api/containers/${engine}/${name}/logs${query}`;

describe("GET /api/containers/{hostId}/{nameOrId}/logs", () => {
  it("sends the last lines with stdout and stderr told apart and in order, follows new ones, and ends when the container stops", async () => {
    const name = uniqueName("it-logs");
    await runContainer(
      "charlie",
      name,
      ["--stop-timeout", "1"],
      [
        "sh",
        "-c",
        // Pauses between writes keep stdout and stderr in a known order (the engine reads them on two pipes).
        "echo 'out one'; sleep 0.1; echo 'err two' >&2; sleep 0.1; echo 'out three'; " +
          "while [ ! -f /tmp/go ]; do sleep 0.1; done; " +
          "echo 'err four' >&2; sleep 0.1; printf '\\033[32mgreen five\\033[0m\\n'; sleep 0.1; echo 'out six'; " +
          "trap 'exit 0' TERM; while :; do sleep 0.1; done",
      ],
    );
    await waitFor(`${name} to have written its first lines`, async () => {
      const logs = await docker("charlie", "logs", name);
      return logs.includes("out three");
    });

    const stream = await openSse(logsPath("charlie", name));
    try {
      expect(stream.response.headers.get("content-type")).toMatch(/^text\/event-stream/);
      await stream.until((r) => linesOf(r).length >= 3, "the existing lines");
      const first = linesOf(stream.received);
      expect(plain(first)).toEqual([out("out one"), err("err two"), out("out three")]);
      for (const line of first) expect(line.ts).toMatch(ISO_NANO);
      expect(first.map((l) => l.ts)).toEqual([...first.map((l) => l.ts)].sort());

      await docker("charlie", "exec", name, "touch", "/tmp/go");
      await stream.until((r) => linesOf(r).length >= 6, "the lines written while following");
      expect(plain(linesOf(stream.received))).toEqual([
        out("out one"),
        err("err two"),
        out("out three"),
        err("err four"),
        out("\u001b[32mgreen five\u001b[0m"),
        out("out six"),
      ]);
      expect(stream.received.some((m) => m.event === "end")).toBe(false);

      await docker("charlie", "stop", name);
      await stream.until((r) => r.some((m) => m.event === "end"), "the end of the stream");
      expect(stream.received.at(-1)).toMatchObject({
        event: "end",
        data: { reason: "stopped" } satisfies EndEvent,
      });
      await stream.until(() => stream.ended, "the server to close the stream");
    } finally {
      await stream.close();
    }
  });

  it("shows an exited container's last lines (tail honoured), then ends", async () => {
    const name = uniqueName("it-logs-exited");
    await runContainer(
      "alpha",
      name,
      [],
      ["sh", "-c", "for i in 1 2 3 4 5; do echo line $i; done; sleep 0.1; echo 'fatal: bye' >&2; exit 2"],
    );
    await waitFor(
      `${name} to exit`,
      async () => (await inspect("alpha", name))[0]!.State.Status === "exited",
    );

    const stream = await openSse(logsPath("alpha", name, "?tail=3&timestamps=0"));
    try {
      await stream.until(() => stream.ended, "the stream to end");
      expect(linesOf(stream.received)).toEqual([
        { stream: "stdout", text: "line 4", ts: null },
        { stream: "stdout", text: "line 5", ts: null },
        { stream: "stderr", text: "fatal: bye", ts: null },
      ]);
      expect(stream.received.at(-1)).toMatchObject({ event: "end", data: { reason: "stopped" } });
    } finally {
      await stream.close();
    }
  });

  it("reads a TTY container's log (no stdout/stderr framing) as stdout", async () => {
    const name = uniqueName("it-logs-tty");
    await runContainer("bravo", name, ["-t"], ["sh", "-c", "echo 'on a tty'; echo 'still stdout' >&2"]);
    await waitFor(
      `${name} to exit`,
      async () => (await inspect("bravo", name))[0]!.State.Status === "exited",
    );
    const stream = await openSse(logsPath("bravo", name));
    try {
      await stream.until(() => stream.ended, "the stream to end");
      expect(plain(linesOf(stream.received))).toEqual([out("on a tty"), out("still stdout")]);
    } finally {
      await stream.close();
    }
  });
});

describe("GET /api/containers/{hostId}/{nameOrId}/stats", () => {
  it("streams samples with memory in use, the container's limit and CPU", async () => {
    const name = uniqueName("it-stats");
    await runContainer(
      "bravo",
      name,
      ["--memory", "64m"],
      ["sh", "-c", "trap 'exit 0' TERM; while :; do echo $((1+1)) > /dev/null; sleep 0.05; done"],
    );
    const stream = await openSse(`/api/containers/bravo/${name}/stats`);
    try {
      await stream.until((r) => r.filter((m) => m.event === "sample").length >= 2, "two samples");
      const [first, second] = stream.received
        .filter((m) => m.event === "sample")
        .map((m) => m.data as UsageSample);
      for (const sample of [first!, second!]) {
        expect(sample.memoryUsed).toBeGreaterThan(0);
        expect(sample.memoryLimit).toBe(64 * 1024 * 1024);
        expect(sample.at).toMatch(/^\d{4}-/);
        expect(sample.pids).toBeGreaterThanOrEqual(1);
      }
      // The first reading has nothing to compare with; from the second on, CPU and rates are known.
      expect(first!.cpuPercent).toBeNull();
      expect(second!.cpuPercent).toBeGreaterThanOrEqual(0);
      expect(second!.blockWritePerSec).toBeGreaterThanOrEqual(0);
      expect(Date.parse(second!.at)).toBeGreaterThan(Date.parse(first!.at));
    } finally {
      await stream.close();
    }
  });
});

describe("streams that cannot start", () => {
  it("answer 404 naming the unknown container or host, as JSON, before any stream starts", async () => {
    for (const [path, message] of [
      [
        "/api/containers/alpha/no-such-container/logs",
        'Container "no-such-container" not found on host "alpha"',
      ],
      [
        "/api/containers/bravo/no-such-container/stats",
        'Container "no-such-container" not found on host "bravo"',
      ],
      ["/api/containers/nowhere/web/logs", 'Host "nowhere" is not in the fleet'],
    ] as const) {
      const response = await fetch(`${inject("wharfUrl")}${path}`, { headers: authHeaders() });
      expect(response.status, path).toBe(404);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      expect(await response.json()).toEqual({ error: { code: "NOT_FOUND", message } });
    }
  });

  it("answer 502 naming a host that never answers, within its timeout", async () => {
    const started = Date.now();
    const response = await fetch(`${inject("wharfUrl")}/api/containers/stuck/web/logs`, {
      headers: authHeaders(),
    });
    expect(response.status).toBe(502);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
      /^Host "stuck" is unreachable/,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("answer 400 for an invalid tail or an unknown parameter", async () => {
    const response = await fetch(`${inject("wharfUrl")}/api/containers/alpha/web/logs?tail=lots&follow=1`, {
      headers: authHeaders(),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      error: { code: string; details: { issues: { field: string }[] } };
    };
    expect(body.error.code).toBe("VALIDATION");
    expect(body.error.details.issues.map((i) => i.field).sort()).toEqual(["(root)", "tail"]);
  });
});
