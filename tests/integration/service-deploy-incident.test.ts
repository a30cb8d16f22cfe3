import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChannelInfo } from "@/lib/alerts/types";
import type { Incident } from "@/lib/fleet/incident-types";
import type { IncidentsResponse } from "@/lib/incidents/types";
import type { ServiceActionResult, ServiceResponse } from "@/lib/services/types";
import { api } from "../support/api";
import { docker, uniqueName, waitFor } from "../support/fleet";
import { buildAndPush, REGISTRY } from "../support/images";
import { post } from "../support/post";
import { startHttpReceiver, type HttpReceiver } from "../support/receivers";
import { createService, removeTestServices, waitForReplicas } from "../support/swarm";

// Swarm rollouts and image pulls on a loaded two-core machine: wait generously, never time.
const LONG = 300_000;
// The new image's tasks run until told to fail (SIGUSR1): the failure comes after the redeploy has settled,
// as a crash minutes after a deploy does, not in a race with the rollout.
const FAILS_ON_USR1 = [
  "sh",
  "-c",
  "trap 'exit 0' TERM; trap 'echo svd broken >&2; exit 3' USR1; while :; do sleep 1; done",
];
let hook: HttpReceiver;

beforeAll(async () => {
  await removeTestServices();
  hook = await startHttpReceiver();
});
afterAll(async () => {
  await removeTestServices();
  await hook?.close();
});

async function taskFailed(name: string): Promise<Incident | undefined> {
  const { body } = await api<IncidentsResponse>(`/api/incidents?host=sierra&container=${name}`);
  return body.incidents.find((incident) => incident.kind === "task-failed");
}

/** The one running task container of the service, on whichever node the swarm put it. */
async function taskContainer(name: string): Promise<{ engine: "sierra" | "tango"; id: string }> {
  return waitFor(`${name}'s running task container`, async () => {
    for (const engine of ["sierra", "tango"] as const) {
      const ids = (
        await docker(engine, "ps", "-q", "--filter", `label=com.docker.swarm.service.name=${name}`)
      )
        .split("\n")
        .filter(Boolean);
      if (ids.length === 1) return { engine, id: ids[0]! };
    }
    return false;
  });
}

describe("a service's incident and the deploy before it", () => {
  it(
    "an incident after a redeploy names it (card, alert, service history), and it stays rollback-able only until rolled back",
    async () => {
      const ref = `${REGISTRY}/it-svd-svcdeploy-${Date.now().toString(36)}:live`;
      const v1 = await buildAndPush("sierra", ref, { version: "1" });
      const name = uniqueName("it-svd-deploy");
      const channel = await post<{ channel: ChannelInfo }>("/api/alerts/channels", {
        name,
        kind: "webhook",
        rules: { events: ["incident.opened"], containerGlob: name },
        settings: { url: hook.url, secret: "svd-service-deploy" },
      });
      expect(channel.status, JSON.stringify(channel.body)).toBe(200);
      await createService(name, ["--replicas", "1", "--restart-delay", "1s"], ref);
      await waitForReplicas(name, "1/1");

      const v2 = await buildAndPush("sierra", ref, { version: "2", cmd: FAILS_ON_USR1 });
      const redeploy = await post<ServiceActionResult>(`/api/services/sierra/${name}/redeploy`, {});
      expect(redeploy.status, JSON.stringify(redeploy.body)).toBe(200);
      const entry = redeploy.body.entry;
      expect(entry).toMatchObject({ outcome: "succeeded", digestBefore: v1.digest, digestAfter: v2.digest });
      await waitForReplicas(name, "1/1");

      const task = await taskContainer(name);
      await docker(task.engine, "kill", "--signal", "USR1", task.id);
      const incident = await waitFor(`a task-failed incident for ${name}`, () => taskFailed(name), 120_000);

      // The card's data: who, when, from → to digest and spec version, and still the deploy a rollback undoes.
      expect(incident.deploy).toEqual({
        historyId: entry.id,
        at: entry.at,
        actor: entry.actor,
        source: entry.source,
        action: "redeploy",
        imageRefBefore: ref,
        imageRef: ref,
        digestBefore: v1.digest,
        digestAfter: v2.digest,
        versionBefore: String(entry.versionBefore),
        versionAfter: String(entry.versionAfter),
        latest: true,
      });

      // The alert names it first.
      const opened = await waitFor("the incident's webhook", async () =>
        hook.received.find(
          (r) =>
            r.json.event === "incident.opened" &&
            (r.json.incident as { id: number } | undefined)?.id === incident.id,
        ),
      );
      const deploy = opened.json.deploy as { historyId: number; action: string; message: string };
      expect(deploy).toMatchObject({ historyId: entry.id, action: "redeploy" });
      expect(deploy.message).toContain(`a redeploy by ${entry.actor}`);
      expect(deploy.message).toContain(
        `(${v1.digest.slice(7, 19)}, spec ${entry.versionBefore}) → ${ref} (${v2.digest.slice(7, 19)}, spec ${entry.versionAfter})`,
      );
      expect((opened.json.details as string[])[0]).toBe(deploy.message);

      // The services page's history row finds its incident through the same link.
      const page = await api<ServiceResponse>(`/api/services/sierra/${name}`);
      expect(page.body.history[0]!.id).toBe(entry.id);
      expect(page.body.incidents.find((i) => i.id === incident.id)?.deploy?.historyId).toBe(entry.id);

      // "Roll back this deploy": the service's rollback, after which the card no longer offers it.
      const rollback = await post<ServiceActionResult>(`/api/services/sierra/${name}/rollback`, {});
      expect(rollback.status, JSON.stringify(rollback.body)).toBe(200);
      expect(rollback.body.entry).toMatchObject({ action: "rollback", digestAfter: v1.digest });
      const after = await api<IncidentsResponse>(`/api/incidents?host=sierra&container=${name}`);
      expect(after.body.incidents.find((i) => i.id === incident.id)?.deploy).toMatchObject({
        historyId: entry.id,
        latest: false,
      });
    },
    LONG,
  );
});
