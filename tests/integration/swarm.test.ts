import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  NodesResponse,
  ServiceActionResult,
  ServiceResponse,
  ServicesResponse,
} from "@/lib/services/types";
import { api } from "../support/api";
import { docker, uniqueName, waitFor } from "../support/fleet";
import { buildAndPush, REGISTRY } from "../support/images";
import { post } from "../support/post";
import {
  cliReplicas,
  createService,
  ensureFleetUp,
  FOREVER,
  removeTestServices,
  SWARM_IMAGE,
  waitForReplicas,
} from "../support/swarm";

// Swarm rollouts, node heartbeats and image pulls on a loaded two-core machine: wait generously, never time.
const LONG = 240_000;

beforeAll(() => removeTestServices());
afterAll(async () => {
  await ensureFleetUp();
  await removeTestServices();
});

const service = (name: string) => api<ServiceResponse>(`/api/services/sierra/${name}`);

async function listed(name: string) {
  const { body } = await api<ServicesResponse>("/api/services?host=sierra");
  return body.services.find((row) => row.name === name);
}

describe("swarm services on the two-node swarm", () => {
  it(
    "lists services, replicas, tasks and nodes as the CLI does, also after a change made with the CLI",
    async () => {
      const name = uniqueName("it-svc-ls");
      await createService(name, ["--replicas", "2"], SWARM_IMAGE, FOREVER);
      await waitForReplicas(name, "2/2");

      const agrees = async () => {
        const row = await listed(name);
        const cli = await cliReplicas(name);
        if (!row || `${row.replicas.running}/${row.replicas.desired}` !== cli) return false;
        const ps = (
          await docker("sierra", "service", "ps", name, "--no-trunc", "--format", "{{.ID}} {{.DesiredState}}")
        )
          .split("\n")
          .filter(Boolean)
          .sort();
        const { body } = await service(name);
        const tasks = body.tasks
          .map((task) => `${task.id} ${task.desiredState[0]!.toUpperCase()}${task.desiredState.slice(1)}`)
          .sort();
        return JSON.stringify(tasks) === JSON.stringify(ps) ? { row, body } : false;
      };
      const first = await waitFor(`${name} listed as the CLI lists it`, agrees, 30_000);
      expect(first.row).toMatchObject({
        hostId: "sierra",
        mode: "replicated",
        image: SWARM_IMAGE,
        stack: null,
      });
      expect(first.row.digest).toMatch(/^sha256:/);
      // Each task's node is named as the fleet host it is.
      expect(
        first.body.tasks.map((task) => task.nodeHostId).filter((id) => id !== "sierra" && id !== "tango"),
      ).toEqual([]);

      await docker("sierra", "service", "scale", "--detach", `${name}=3`);
      await waitForReplicas(name, "3/3");
      const after = await waitFor(`${name} at 3/3 in Wharf too`, agrees, 30_000);
      expect(after.row.replicas).toEqual({ desired: 3, running: 3 });
      expect(after.body.tasks.filter((task) => task.desiredState === "running")).toHaveLength(3);

      // The CLI's change is in the service's history as an external update.
      const external = await waitFor(`the external scale of ${name} in its history`, async () =>
        (await service(name)).body.history.find((entry) => entry.source === "external"),
      );
      expect(external).toMatchObject({
        action: "update",
        actor: "external",
        replicasBefore: 2,
        replicasAfter: 3,
      });

      const nodes = await api<NodesResponse>("/api/nodes?host=sierra");
      expect(nodes.status).toBe(200);
      expect(nodes.body.nodes.map((node) => node.fleetHostId).sort()).toEqual(["sierra", "tango"]);
      expect(nodes.body.nodes.find((node) => node.fleetHostId === "sierra")).toMatchObject({
        role: "manager",
        leader: true,
        state: "ready",
      });

      // A standalone engine is not a manager: it says so, and the API refuses to act on it.
      const alpha = await api<ServicesResponse>("/api/services?host=alpha");
      expect(alpha.body.hosts).toEqual([{ id: "alpha", manager: false, error: "not in a swarm" }]);
      expect((await api(`/api/services/alpha/${name}`)).status).toBe(409);
      expect((await api("/api/services/sierra/no-such-service")).status).toBe(404);
      expect((await api("/api/services/sierra/bad%20name")).status).toBe(400);
    },
    LONG,
  );

  it(
    "redeploys to a new digest on both nodes, with both digests in the history row",
    async () => {
      const ref = `${REGISTRY}/it-swarm-${Date.now().toString(36)}:live`;
      const v1 = await buildAndPush("sierra", ref, { version: "1" });
      const name = uniqueName("it-svc-deploy");
      await createService(name, ["--replicas", "2", "--replicas-max-per-node", "1"], ref);
      await waitForReplicas(name, "2/2");

      const v2 = await buildAndPush("sierra", ref, { version: "2" });
      expect(v2.digest).not.toBe(v1.digest);
      const { status, body } = await post<ServiceActionResult>(`/api/services/sierra/${name}/redeploy`, {});
      expect(status).toBe(200);
      expect(body.outcome).toBe("succeeded");
      expect(body.entry).toMatchObject({
        action: "redeploy",
        outcome: "succeeded",
        digestBefore: v1.digest,
        digestAfter: v2.digest,
      });

      await waitForReplicas(name, "2/2");
      for (const engine of ["sierra", "tango"] as const) {
        const images = await waitFor(`${name}'s task on ${engine} to run v2`, async () => {
          const ids = (
            await docker(engine, "ps", "-q", "--filter", `label=com.docker.swarm.service.name=${name}`)
          )
            .split("\n")
            .filter(Boolean);
          if (ids.length !== 1) return false;
          // `docker ps` shows the tag; the container's Config.Image carries the digest the manager pinned.
          const image = await docker(engine, "inspect", "--format", "{{.Config.Image}}", ids[0]!);
          return image.includes(v2.digest) ? image : false;
        });
        expect(images).toContain(v2.digest);
      }
      const again = await post<ServiceActionResult>(`/api/services/sierra/${name}/redeploy`, {});
      expect(again.body.outcome).toBe("no-change");
    },
    LONG,
  );

  it(
    "rolls back an update whose tasks exit at once, and says so with the engine's message",
    async () => {
      const ref = `${REGISTRY}/it-swarm-bad-${Date.now().toString(36)}:live`;
      const good = await buildAndPush("sierra", ref, { version: "good" });
      const name = uniqueName("it-svc-rollback");
      await createService(
        name,
        [
          "--replicas",
          "1",
          "--update-failure-action",
          "rollback",
          "--update-monitor",
          "5s",
          "--restart-delay",
          "1s",
        ],
        ref,
      );
      await waitForReplicas(name, "1/1");
      await buildAndPush("sierra", ref, { version: "bad", cmd: ["sh", "-c", "echo broken >&2; exit 3"] });

      const { status, body } = await post<ServiceActionResult & { error: { code: string; message: string } }>(
        `/api/services/sierra/${name}/redeploy`,
        {},
      );
      expect(status).toBe(422);
      expect(body.error.code).toBe("ROLLED_BACK");
      expect(body.entry.outcome).toBe("rolled-back");
      expect(body.entry.error).toMatch(/rolled back/i);
      const engineMessage = JSON.parse(
        await docker("sierra", "service", "inspect", name, "--format", "{{json .UpdateStatus.Message}}"),
      ) as string;
      expect(body.entry.error).toContain(engineMessage);
      expect(body.entry.digestBefore).toBe(good.digest);
      await waitForReplicas(name, "1/1");
      expect((await listed(name))?.digest).toBe(good.digest);
    },
    LONG,
  );

  it(
    "folds a service's failing tasks into one incident whose count grows",
    async () => {
      const name = uniqueName("it-svc-fail");
      await createService(
        name,
        ["--replicas", "1", "--restart-delay", "1s", "--restart-condition", "any"],
        SWARM_IMAGE,
        ["sh", "-c", "echo boom >&2; exit 7"],
      );
      const first = await waitFor(
        `a task-failed incident for ${name}`,
        async () => (await service(name)).body.incidents.find((incident) => incident.kind === "task-failed"),
        120_000,
      );
      expect(first).toMatchObject({ exitCode: 7, endedAt: null });
      expect(first.error).toMatch(/non-zero exit \(7\)/);
      const grown = await waitFor(
        `${name}'s incident count to grow`,
        async () => {
          const incidents = (await service(name)).body.incidents.filter(
            (incident) => incident.kind === "task-failed",
          );
          return incidents.length === 1 && incidents[0]!.count > first.count ? incidents[0] : false;
        },
        120_000,
      );
      expect(grown.id).toBe(first.id);
      expect(grown.logTail.join("\n")).toContain("boom");
      const row = await listed(name);
      expect(row?.failingTasks).toBeGreaterThan(0);
      // Its task containers crash on the nodes' engines, but they are the service's: no container incident each.
      for (const host of ["sierra", "tango"]) {
        const containers = await api<{ incidents: { containerName: string }[] }>(
          `/api/incidents?host=${host}`,
        );
        expect(
          containers.body.incidents.filter((incident) => incident.containerName.startsWith(`${name}.`)),
        ).toEqual([]);
      }
    },
    LONG,
  );

  it(
    "scales, restarts and rolls back through the API, one action at a time per service",
    async () => {
      const name = uniqueName("it-svc-ops");
      await createService(name, ["--replicas", "1"], SWARM_IMAGE, FOREVER);
      await waitForReplicas(name, "1/1");

      const scaled = await post<ServiceActionResult>(`/api/services/sierra/${name}/scale`, { replicas: 2 });
      expect(scaled.status).toBe(200);
      expect(scaled.body.entry).toMatchObject({
        action: "scale",
        outcome: "succeeded",
        replicasBefore: 1,
        replicasAfter: 2,
      });
      expect(await cliReplicas(name)).toBe("2/2");

      // Two actions at once on one service: one runs, the other is refused at once.
      const [first, second] = await Promise.all([
        post<ServiceActionResult>(`/api/services/sierra/${name}/restart`, {}),
        post<ServiceActionResult>(`/api/services/sierra/${name}/restart`, {}),
      ]);
      expect([first.status, second.status].sort()).toEqual([200, 409]);
      const restarted = first.status === 200 ? first : second;
      expect(restarted.body.entry).toMatchObject({ action: "restart", outcome: "succeeded" });
      expect((await listed(name))?.updateStatus?.state).toBe("completed");

      const rolledBack = await post<ServiceActionResult>(`/api/services/sierra/${name}/rollback`, {});
      expect(rolledBack.status).toBe(200);
      expect(rolledBack.body.entry).toMatchObject({ action: "rollback", outcome: "succeeded" });
      expect((await listed(name))?.updateStatus?.state).toBe("rollback_completed");

      const history = (await service(name)).body.history.map(
        (entry) => `${entry.source}:${entry.action}:${entry.outcome}`,
      );
      expect(history.slice(0, 3)).toEqual([
        "api:rollback:succeeded",
        "api:restart:succeeded",
        "api:scale:succeeded",
      ]);

      const global = uniqueName("it-svc-global");
      await createService(global, ["--mode", "global"], SWARM_IMAGE, FOREVER);
      const refused = await post<{ error: { message: string } }>(`/api/services/sierra/${global}/scale`, {
        replicas: 3,
      });
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toContain("global");
      const bad = await post<{ error: { message: string } }>(`/api/services/sierra/${name}/scale`, {
        replicas: -1,
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain("replicas");
    },
    LONG,
  );
});
