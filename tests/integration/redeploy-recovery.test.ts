import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { HistoryEntry } from "@/lib/history/types";
import {
  docker,
  inspect,
  readFleetFile,
  removeTestContainers,
  runContainer,
  uniqueName,
} from "../support/fleet";
import { buildAndPush, REGISTRY } from "../support/images";
import { post } from "../support/post";
import { startWharf, type RunningServer } from "../support/wharf-server";
import { passFolder } from "../support/pass";

const ref = `${REGISTRY}/it-crashy-${Date.now().toString(36)}:latest`;
const dir = path.join(passFolder, "integration");
const fleetFile = path.join(dir, "recovery-hosts.json");
const dataDir = path.join(dir, `recovery-data-${Date.now().toString(36)}`);
let wharf: RunningServer | undefined;

beforeAll(async () => {
  await removeTestContainers("charlie");
  writeFileSync(
    fleetFile,
    JSON.stringify({ hosts: readFleetFile().hosts.filter((h) => h.id === "charlie") }),
  );
}, 60_000);

afterAll(async () => {
  await wharf?.stop();
  await removeTestContainers("charlie");
});

const named = async (name: string) =>
  (await docker("charlie", "ps", "-a", "--filter", `name=${name}`, "--format", "{{.Names}} {{.State}}"))
    .split("\n")
    .filter(Boolean)
    .sort();

it("a Wharf killed between create and remove leaves, once restarted, one running container of that name and a history row saying how it ended", async () => {
  await buildAndPush("charlie", ref, { version: "one" });
  const name = uniqueName("it-interrupted");
  await runContainer("charlie", name, [], [], ref);
  await buildAndPush("charlie", ref, { version: "two" });

  wharf = await startWharf({ port: 3131, fleetConfig: fleetFile, dataDir });
  // A long grace period holds the redeploy between "new container started" and "old container removed".
  const pending = post(
    `/api/containers/charlie/${name}/redeploy`,
    { graceSeconds: 120 },
    wharf.url,
    wharf.token,
  ).catch(() => null);
  await vi.waitFor(
    async () =>
      expect(await named(name)).toEqual([
        `${name} running`,
        expect.stringMatching(new RegExp(`^${name}-wharf-old-\\d+ exited$`)),
      ]),
    {
      timeout: 30_000,
      interval: 100,
    },
  );
  wharf.process.kill("SIGKILL");
  await pending;
  await wharf.stop();

  wharf = await startWharf({ port: 3131, fleetConfig: fleetFile, dataDir });
  await vi.waitFor(async () => expect(await named(name)).toEqual([`${name} running`]), {
    timeout: 30_000,
    interval: 200,
  });
  expect(await docker("charlie", "exec", name, "cat", "/version")).toBe("two");

  const response = await wharf.fetch(`/api/history?host=charlie&container=${name}`);
  const { entries } = (await response.json()) as { entries: HistoryEntry[] };
  // The rows by name say what a second one was, if the restart recorded one.
  expect(
    entries,
    JSON.stringify(entries.map((e) => [e.id, e.source, e.action, e.outcome, e.detail])),
  ).toHaveLength(1);
  expect(entries[0]).toMatchObject({
    action: "redeploy",
    outcome: "succeeded",
    containerIdAfter: (await inspect("charlie", name))[0]!.Id,
  });
  expect(entries[0]!.error).toContain("Wharf stopped during the redeploy");
});
