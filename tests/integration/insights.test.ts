import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HistoryEntry } from "@/lib/history/types";
import type { Incident } from "@/lib/fleet/incident-types";
import type { InsightsResponse } from "@/lib/insights/types";
import { api } from "../support/api";
import { docker, removeTestContainers, runContainer, uniqueName, waitFor } from "../support/fleet";
import { incidentsOf, waitForIncidents } from "../support/incidents";
import { buildOciImage, uniqueRepo, type OciImage } from "../support/oci-images";
import { post } from "../support/post";

// The suite's Wharf is shared by every integration file: these deploys are told apart by their own compose
// project, which /api/insights filters on.
const project = uniqueName("itins").replace(/[^a-z0-9-]/g, "");
const repo = uniqueRepo("it-insights");
const web = { alpha: `${project}-web-a`, bravo: `${project}-web-b` };
const worker = `${project}-worker`;
const compose = (service: string) => [
  "--label",
  `com.docker.compose.project=${project}`,
  "--label",
  `com.docker.compose.service=${service}`,
];
const HOUR = 3_600_000;
let good1: OciImage;
let good2: OciImage;
let started: string;

beforeAll(async () => {
  await Promise.all([removeTestContainers("alpha"), removeTestContainers("bravo")]);
  started = new Date(Date.now() - 1000).toISOString();
  good1 = await buildOciImage("alpha", repo, "good1", {
    version: "1.0.0",
    revision: "1111111aaaaaaabbbbbbbcccccccdddddddeeeee",
    created: new Date(Date.now() - 5 * HOUR).toISOString(),
  });
  good2 = await buildOciImage("alpha", repo, "good2", {
    version: "1.1.0",
    revision: "2222222aaaaaaabbbbbbbcccccccdddddddeeeee",
    created: new Date(Date.now() - 2 * HOUR).toISOString(),
  });
  // A release that dies at once: its redeploy does not hold and is rolled back.
  await buildOciImage("alpha", repo, "bad", {
    version: "9.9.9",
    revision: "9999999aaaaaaabbbbbbbcccccccdddddddeeeee",
    created: new Date().toISOString(),
    cmd: ["sh", "-c", "exit 4"],
  });
  await runContainer("alpha", web.alpha, compose("web"), [], good1.ref);
  await runContainer("bravo", web.bravo, compose("web"), [], good1.ref);
  await runContainer("alpha", worker, compose("worker"), [], good1.ref);
}, 180_000);

afterAll(async () => {
  await Promise.all([removeTestContainers("alpha"), removeTestContainers("bravo")]);
});

const redeploy = (host: string, name: string, image?: string) =>
  post<{ entry: HistoryEntry }>(`/api/containers/${host}/${name}/redeploy`, {
    graceSeconds: 2,
    ...(image ? { image } : {}),
  });

/** Crashes a container running CRASH_ON_SIGNAL, waits for its incident, starts it again and waits for the end. */
async function crashAndRecover(host: "alpha" | "bravo", name: string): Promise<Incident> {
  await docker(host, "exec", name, "touch", "/tmp/crash");
  await waitForIncidents(host, name, (list) => list.some((i) => i.endedAt === null));
  await docker(host, "start", name);
  const [ended] = await waitForIncidents(host, name, (list) => list.every((i) => i.endedAt !== null), 60_000);
  return ended!;
}

const median = (values: number[]) => quantile(values, 0.5);
function quantile(values: number[], p: number): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const rank = p * (sorted.length - 1);
  const low = sorted[Math.floor(rank)]!;
  const high = sorted[Math.ceil(rank)]!;
  return low + (high - low) * (rank - Math.floor(rank));
}

describe("delivery insights from real deploys", () => {
  it("gives the figures computed by hand from the same deploys and incidents", async () => {
    // 1. alpha's web moves to 1.1.0 and holds.
    const first = await redeploy("alpha", web.alpha, good2.ref);
    expect(first.status).toBe(200);
    // 2. bravo's web moves to 1.1.0, holds the grace period, then crashes within 10 minutes.
    const second = await redeploy("bravo", web.bravo, good2.ref);
    expect(second.status).toBe(200);
    // Its crash, and one on a container of the project that was never deployed, each take 10 s of running again
    // to end: they go on while alpha's web deploys.
    const [bravoIncident, workerIncident] = await Promise.all([
      crashAndRecover("bravo", web.bravo),
      crashAndRecover("alpha", worker),
      (async () => {
        // 3. alpha's web tries a release that dies at once: rolled back.
        const third = await redeploy("alpha", web.alpha, `${repo}:bad`);
        expect(third.status).toBe(422);
        expect(third.body.entry.outcome).toBe("rolled-back");
        // 4. a tag that was never pushed: the pull fails.
        const fourth = await redeploy("alpha", web.alpha, `${repo}:missing`);
        expect(fourth.status).toBe(502);
      })(),
    ]);

    // The deploys as the history has them, and the crash marked on the second.
    const history = await waitFor("the crash to be marked on bravo's deploy", async () => {
      const rows = (
        await Promise.all(
          [
            ["alpha", web.alpha],
            ["bravo", web.bravo],
          ].map(([host, name]) =>
            api<{ entries: HistoryEntry[] }>(`/api/history?host=${host}&container=${name}`),
          ),
        )
      ).flatMap((r) => r.body.entries);
      const marked = rows.find((r) => r.id === second.body.entry.id)?.crashedAfter;
      return marked === true && rows;
    });
    const deploys = history.filter((r) => r.action === "redeploy" && r.outcome !== "no-change");
    expect(deploys).toHaveLength(4);
    expect(deploys.every((d) => d.project === project)).toBe(true);
    const failures = deploys.filter((d) => d.outcome !== "succeeded" || d.crashedAfter === true);
    const held = deploys.filter((d) => d.outcome === "succeeded");
    const leadTimes = held.map((d) => Date.parse(d.at) - Date.parse(d.provenanceAfter!.created!));
    const restores = [bravoIncident, workerIncident].map(
      (i) => Date.parse(i.endedAt!) - Date.parse(i.openedAt),
    );

    const to = new Date(Date.now() + 60_000).toISOString();
    const { status, body } = await api<InsightsResponse>(
      `/api/insights?from=${encodeURIComponent(started)}&to=${encodeURIComponent(to)}&project=${project}`,
    );
    expect(status).toBe(200);
    const days = (Date.parse(to) - Date.parse(started)) / 86_400_000;
    expect(body.current).toMatchObject({
      deploys: 4,
      succeeded: 2,
      failures: failures.length,
      changeFailureRate: failures.length / 4,
      restore: { count: 2, open: 0, medianMs: median(restores), p90Ms: quantile(restores, 0.9) },
      leadTime: { count: 2, medianMs: median(leadTimes), p90Ms: quantile(leadTimes, 0.9) },
    });
    expect(failures).toHaveLength(3);
    expect(body.current.deploysPerDay).toBeCloseTo(2 / days, 6);
    expect(body.previous).toMatchObject({ deploys: 0, changeFailureRate: null });
    expect(body.trends.deploysPerDay).toMatchObject({ direction: "up", better: true });
    expect(body.days.reduce((n, d) => n + d.succeeded + d.failed, 0)).toBe(4);
    expect(body.byService.map((g) => [g.key, g.deploys, g.changeFailureRate])).toEqual([["web", 4, 0.75]]);
    expect(body.byProject.map((g) => [g.key, g.deploys])).toEqual([[project, 4]]);
    expect(body.byHost.map((g) => [g.key, g.deploys, g.changeFailureRate])).toEqual([
      ["alpha", 3, 2 / 3],
      ["bravo", 1, 1],
    ]);
    expect(body.byHost.find((g) => g.key === "bravo")!.restoreMedianMs).toBe(restores[0]);

    // One host: only its deploys and incidents.
    const bravo = await api<InsightsResponse>(
      `/api/insights?from=${encodeURIComponent(started)}&to=${encodeURIComponent(to)}&project=${project}&host=bravo`,
    );
    expect(bravo.body.current).toMatchObject({
      deploys: 1,
      failures: 1,
      restore: { count: 1, medianMs: restores[0] },
    });
    expect((await incidentsOf("alpha", web.alpha)).length).toBe(0);
  });

  it("records the images' provenance with each deploy, and what a rolled-back deploy tried", async () => {
    const { body } = await api<{ entries: HistoryEntry[] }>(`/api/history?host=alpha&container=${web.alpha}`);
    const [failed, rolledBack, held] = body.entries.filter((e) => e.action === "redeploy");
    expect(held).toMatchObject({
      outcome: "succeeded",
      service: "web",
      provenanceBefore: { version: "1.0.0", revision: good1.revision, digest: good1.digest },
      provenanceAfter: {
        version: "1.1.0",
        revision: good2.revision,
        created: good2.created,
        commitUrl: `https://github.com/acme/shop/commit/${good2.revision}`,
      },
    });
    expect(held!.steps.map((s) => s.phase)).toEqual(
      expect.arrayContaining([
        "started",
        "pulling",
        "creating",
        "starting",
        "checking it holds",
        "succeeded",
      ]),
    );
    expect(rolledBack).toMatchObject({
      outcome: "rolled-back",
      digestBefore: good2.digest,
      provenanceAfter: { version: "9.9.9" },
    });
    expect(rolledBack!.digestAfter).not.toBe(good2.digest);
    expect(rolledBack!.steps.map((s) => s.phase)).toContain("rolling back");
    expect(failed).toMatchObject({ outcome: "failed", provenanceBefore: { version: "1.1.0" } });
  });

  it("refuses a period that is not one, naming the field", async () => {
    const backwards = await api<{ error: { message: string } }>(
      "/api/insights?from=2026-02-01&to=2026-01-01",
    );
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.message).toMatch(/to: must be later than from/);
    const unknown = await api("/api/insights?host=nowhere");
    expect(unknown.status).toBe(404);
    expect((await api("/api/insights?days=3")).status).toBe(400);
  });
});
