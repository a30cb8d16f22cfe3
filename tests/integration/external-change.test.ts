import { afterAll, expect, it, vi } from "vitest";
import type { HistoryEntry } from "@/lib/history/types";
import type { ContainersResponse } from "@/lib/fleet/types";
import { api } from "../support/api";
import { docker, inspect, removeTestContainers, runContainer, uniqueName } from "../support/fleet";
import { buildAndPush, REGISTRY } from "../support/images";

afterAll(() => removeTestContainers("bravo"));

it("a container recreated on another image outside Wharf is recorded in the history as external", async () => {
  const ref = `${REGISTRY}/it-outside-${Date.now().toString(36)}:latest`;
  const one = await buildAndPush("bravo", ref, { version: "one" });
  const name = uniqueName("it-outside");
  await runContainer("bravo", name, [], [], ref);
  const [before] = await inspect("bravo", name);
  await vi.waitFor(async () => {
    const { body } = await api<ContainersResponse>(`/api/containers?host=bravo&q=${name}`);
    expect(body.containers[0]?.id).toBe(before!.Id);
  });

  // What a `docker compose up` does with a changed image: remove, and run again under the same name.
  const two = await buildAndPush("bravo", ref, { version: "two" });
  await docker("bravo", "rm", "-f", name);
  await runContainer("bravo", name, [], [], ref);
  const [after] = await inspect("bravo", name);

  await vi.waitFor(
    async () => {
      const { body } = await api<{ entries: HistoryEntry[] }>(`/api/history?host=bravo&container=${name}`);
      expect(body.entries).toEqual([
        expect.objectContaining({
          source: "external",
          action: "redeploy",
          outcome: "succeeded",
          containerIdBefore: before!.Id,
          containerIdAfter: after!.Id,
          imageIdBefore: one.id,
          imageIdAfter: two.id,
        }),
      ]);
    },
    { timeout: 15_000, interval: 200 },
  );
});
