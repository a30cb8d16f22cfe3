// P10 — failover (issue 25). Three replicas on one PostgreSQL; each trial kill -9s the recorder, and at once a
// container on the next engine is started that exits 3 straight away: a crash nobody records until another
// replica holds the lease and reads the engine's events since the shared cursor. Timed from the kill: the lease
// (a survivor's /api/health says `recorder`, polled every 20 ms) and the crash's incident on a survivor's event
// stream (the new recorder publishes what it records; the other survivor hears it over LISTEN/NOTIFY). The
// killed replica is started again before the next trial, so every kill leaves two followers to take over.
import { labels } from "./bench-containers.mjs";
import { createContainer, removeContainer } from "./engine-api.mjs";
import { nowMs, waitFor } from "./log.mjs";
import { openEventStream } from "./sse-client.mjs";
import { summarize } from "./stats.mjs";

const KIND = "failover";

export async function runFailover({ set, engines, kills, log }) {
  const lease = [];
  const incident = [];
  for (let trial = 0; trial < kills; trial++) {
    const [recorder] = await waitFor(
      "one recorder",
      async () => {
        const now = await set.recorders();
        return now.length === 1 && now;
      },
      { timeoutMs: 30_000, everyMs: 100 },
    );
    const followers = set.alive().filter((replica) => replica !== recorder);
    const seen = new Map();
    const streams = followers.map((replica) =>
      openEventStream(`${replica.url}/api/events`, {
        headers: set.headers,
        now: nowMs,
        onEvent: (message, receivedAt) => {
          if (message.event !== "incident") return;
          const name = JSON.parse(message.data).incident?.containerName;
          if (name && !seen.has(name)) seen.set(name, receivedAt);
        },
      }),
    );
    await Promise.all(streams.map((stream) => stream.snapshot));
    const eng = engines[trial % engines.length];
    const name = `wharf-bench-${KIND}-${Date.now().toString(36)}-${trial}`;
    const killedAt = nowMs();
    await set.kill(recorder);
    const id = await createContainer(eng, {
      name,
      cmd: ["sh", "-c", "echo 'wharf-bench: failover crash' >&2; exit 3"],
      labels: labels(KIND),
      start: true,
    });
    const leaseAt = await waitFor(
      "a survivor to take the lease",
      async () => {
        const roles = await Promise.all(followers.map(set.health));
        return roles.some((health) => health?.role === "recorder") && nowMs();
      },
      { timeoutMs: 30_000, everyMs: 20 },
    );
    const recordedAt = await waitFor(`${name}'s incident on a survivor's stream`, () => seen.get(name), {
      timeoutMs: 30_000,
      everyMs: 5,
    });
    lease.push(leaseAt - killedAt);
    incident.push(recordedAt - killedAt);
    log(
      `P10 failover ${trial + 1}/${kills}: killed ${recorder.name}; lease ${(leaseAt - killedAt).toFixed(0)} ms, incident ${(recordedAt - killedAt).toFixed(0)} ms`,
    );
    streams.forEach((stream) => stream.close());
    await removeContainer(eng, id);
    await set.start(recorder.name);
  }
  return { lease: summarize(lease), incident: summarize(incident), kills };
}

export function failoverRows(p10) {
  const goal = "≤ 5 s (median and p95)";
  return [
    {
      id: "P10",
      what: `failover: \`kill -9\` of the recorder (3 replicas, one PostgreSQL) → another replica holds the lease`,
      unit: "ms",
      fig: p10.lease,
      goal,
      met: p10.lease.p95 <= 5_000 && p10.lease.median <= 5_000,
    },
    {
      id: "P10",
      what: "failover: `kill -9` of the recorder → a crash right after it recorded (its incident on a survivor's stream)",
      unit: "ms",
      fig: p10.incident,
      goal,
      met: p10.incident.p95 <= 5_000 && p10.incident.median <= 5_000,
    },
  ];
}
