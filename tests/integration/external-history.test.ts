import { afterAll, describe, expect, it } from "vitest";
import type { HistoryEntry } from "@/lib/history/types";
import type { ContainersResponse } from "@/lib/fleet/types";
import { api } from "../support/api";
import {
  docker,
  inspect,
  removeTestContainers,
  runContainer,
  uniqueName,
  waitFor,
  pause,
} from "../support/fleet";
import { post } from "../support/post";

afterAll(() => removeTestContainers("alpha"));

// Stops at once on `docker stop`, so a stop is one quick burst of events.
const SERVICE = ["sh", "-c", 'trap "exit 0" TERM; while true; do sleep 0.2; done'];

const rowsOf = async (name: string) =>
  (await api<{ entries: HistoryEntry[] }>(`/api/history?host=alpha&container=${name}`)).body.entries;

/** The container's history, once its newest row is `action` (rows are newest first). */
const rowsAfter = (name: string, action: string, count: number) =>
  waitFor(`the history of ${name} to gain its ${action} row`, async () => {
    const rows = await rowsOf(name);
    return rows.length >= count && rows[0]?.action === action ? rows : undefined;
  });

async function seenByWharf(name: string): Promise<void> {
  await waitFor(`Wharf to show ${name}`, async () => {
    const { body } = await api<ContainersResponse>(`/api/containers?host=alpha&q=${name}`);
    return body.containers.some((row) => row.name === name && row.state === "running");
  });
}

describe("changes made outside Wharf", () => {
  it("records docker stop, start, pause, unpause, restart, kill and rm as one external row each", async () => {
    const name = uniqueName("it-cli");
    await runContainer("alpha", name, [], SERVICE);
    await seenByWharf(name);

    const commands: [string[], string][] = [
      [["stop", name], "stop"],
      [["start", name], "start"],
      [["pause", name], "pause"],
      [["unpause", name], "unpause"],
      [["restart", name], "restart"],
      [["kill", name], "kill"],
      [["rm", name], "remove"],
    ];
    for (const [index, [args, action]] of commands.entries()) {
      if (args[0] === "pause") await pause("alpha", name);
      else await docker("alpha", ...args);
      await rowsAfter(name, action, index + 1);
    }

    const rows = await rowsOf(name);
    expect(rows.map((row) => row.action)).toEqual(commands.map(([, action]) => action).reverse());
    for (const row of rows)
      expect(row).toMatchObject({ source: "external", actor: "external", outcome: "succeeded" });
    expect(rows.find((row) => row.action === "kill")?.detail).toBe("SIGKILL; exit code 137");
    expect(rows.find((row) => row.action === "stop")?.detail).toBe("SIGTERM; exit code 0");
  });

  it("records nothing for Docker's own restarts of a crash-looping container", async () => {
    const name = uniqueName("it-loop");
    await runContainer("alpha", name, ["--restart", "always"], ["sh", "-c", "sleep 0.3; exit 1"]);
    await waitFor(`${name} to be restarted three times`, async () => {
      const [item] = await inspect("alpha", name);
      return (item?.RestartCount ?? 0) >= 3;
    });

    // The removal is the one thing anyone did: once its row is there, every restart before it was heard.
    await docker("alpha", "rm", "-f", name);
    const rows = await rowsAfter(name, "remove", 1);
    expect(rows.map((row) => `${row.source} ${row.action}`)).toEqual(["external remove"]);
  });

  it("records Wharf's own restart as its own row, and no external one", async () => {
    const name = uniqueName("it-own");
    await runContainer("alpha", name, [], SERVICE);
    await seenByWharf(name);

    const { status } = await post(`/api/containers/alpha/${name}/restart`);
    expect(status).toBe(200);
    // A change made outside Wharf afterwards, so the restart's events have all been heard once its row is there.
    await pause("alpha", name);
    const rows = await rowsAfter(name, "pause", 2);
    expect(rows.map((row) => `${row.source} ${row.action}`)).toEqual(["external pause", "api restart"]);
  });
});
