import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ContainersResponse, ListedContainer } from "@/lib/fleet/types";
import type { IncidentsResponse } from "@/lib/incidents/types";
import { docker, readFleetFile, runContainer, uniqueName, waitFor } from "../support/fleet";
import { queryServerDatabase } from "../support/server-database";
import { startWharf, type RunningServer } from "../support/wharf-server";
import { passFolder } from "../support/pass";

const forever = ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"];
const ignoresTerm = ["sh", "-c", "trap '' TERM; while :; do sleep 1; done"];

describe("what Wharf saw of a death survives its own restarts", () => {
  const dir = path.join(passFolder, "integration/inc-exit-memory");
  const fleetFile = path.join(dir, "hosts.json");
  const names: string[] = [];
  let wharf: RunningServer | undefined;

  beforeAll(() => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      fleetFile,
      JSON.stringify({ hosts: readFleetFile().hosts.filter((h) => h.id === "alpha") }),
    );
  });
  afterAll(async () => {
    await wharf?.stop();
    if (names.length > 0) await docker("alpha", "rm", "-f", ...names).catch(() => "");
    rmSync(dir, { recursive: true, force: true });
  });

  const dataDir = path.join(dir, "data");
  const start = () => startWharf({ port: 3171, fleetConfig: fleetFile, dataDir });
  const rowOf = async (name: string): Promise<ListedContainer | undefined> => {
    const response = await wharf!.fetch(`/api/containers?host=alpha&q=${encodeURIComponent(name)}`);
    return ((await response.json()) as ContainersResponse).containers.find((row) => row.name === name);
  };

  const incidentsOf = async (name: string) => {
    const response = await wharf!.fetch(`/api/incidents?host=alpha&container=${name}`);
    return ((await response.json()) as IncidentsResponse).incidents;
  };

  it("a container killed and one stopped while Wharf ran stay unflagged after two restarts of Wharf", async () => {
    const killed = uniqueName("it-inc-killed");
    const stopped = uniqueName("it-inc-stopped");
    names.push(killed, stopped);
    await runContainer("alpha", killed, [], forever);
    // Ignores TERM, so `docker stop` ends it with KILL: exit 137, like the kill.
    await runContainer("alpha", stopped, ["--stop-timeout", "1"], ignoresTerm);
    wharf = await start();
    await waitFor("Wharf to see both running", async () => {
      const rows = await Promise.all([rowOf(killed), rowOf(stopped)]);
      return rows.every((row) => row?.state === "running");
    });

    await docker("alpha", "kill", killed);
    await docker("alpha", "stop", stopped);
    await waitFor("Wharf to see the kill and the stop", async () => {
      const [k, s] = await Promise.all([rowOf(killed), rowOf(stopped)]);
      return k?.exitCause === "killed" && s?.exitCause === "stopped";
    });

    // Twice: the second start's catch-up begins after the first one's, long after the kill and the stop.
    for (const round of [1, 2]) {
      await wharf.stop();
      wharf = await start();
      expect({ round, row: await rowOf(killed) }).toMatchObject({
        round,
        row: { state: "exited", exitCode: 137, exitCause: "killed", attention: null },
      });
      expect({ round, row: await rowOf(stopped) }).toMatchObject({
        round,
        row: { state: "exited", exitCode: 137, exitCause: "stopped", attention: null },
      });
    }
    for (const name of [killed, stopped]) expect(await incidentsOf(name)).toEqual([]);
  }, 180_000);

  it("a stop Wharf saw begin but not end is a stop after Wharf's restart, not a crash", async () => {
    const slow = uniqueName("it-inc-slow-stop");
    names.push(slow);
    // Its TERM handler exits 3, and only once the test says so: long after the stop began.
    const untilTold =
      "trap 'until [ -e /tmp/go ]; do sleep 0.1; done; exit 3' TERM; while :; do sleep 1; done";
    await runContainer("alpha", slow, [], ["sh", "-c", untilTold]);
    wharf ??= await start();
    await waitFor("Wharf to see it running", async () => (await rowOf(slow))?.state === "running");
    const asked = Math.floor(Date.now() / 1000);
    const stopping = docker("alpha", "stop", "-t", "300", slow);
    const termMs = await waitFor("the stop's TERM", async () => {
      const out = await docker(
        "alpha",
        "events",
        "--since",
        String(asked),
        "--until",
        String(Date.now() / 1000),
        "--filter",
        `container=${slow}`,
        "--filter",
        "event=kill",
        "--format",
        "{{.TimeNano}}",
      );
      return out ? Number(out.split("\n")[0]) / 1e6 : false;
    });
    const cursor = async () => {
      const [row] = await queryServerDatabase<{ last_event_ms: number }>(
        wharf!,
        dataDir,
        "SELECT last_event_ms FROM host_cursors WHERE host_id = $1",
        ["alpha"],
      );
      return Number(row?.last_event_ms ?? 0);
    };
    // Saved past the TERM, in a later second than its own: a restart reads the events from the cursor's second on.
    await waitFor("the event cursor saved a second past the TERM", async () => {
      await docker("alpha", "exec", slow, "true");
      return Math.floor((await cursor()) / 1000) > Math.floor(termMs / 1000);
    });
    await wharf.stop();
    await docker("alpha", "exec", slow, "touch", "/tmp/go");
    await stopping;

    wharf = await start();
    expect(await rowOf(slow)).toMatchObject({
      state: "exited",
      exitCode: 3,
      exitCause: "stopped",
      attention: null,
    });
    expect(await incidentsOf(slow)).toEqual([]);
  }, 180_000);
});
