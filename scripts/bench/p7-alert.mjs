// P7 — crash to alert. A webhook channel points at a receiver in the bench process; a container dies at a moment
// the bench controls, the clock starts at the engine's own `die` timestamp and stops when the receiver has the
// signed `incident.opened` POST for that container. Baseline: a plain `GET /events` subscriber seeing the die.
import { randomBytes } from "node:crypto";
import { startAlertReceiver } from "./alert-receiver.mjs";
import { labels } from "./bench-containers.mjs";
import { createContainer, exec, removeContainer, subscribeEvents } from "./engine-api.mjs";
import { log, nowMs, sleep, waitFor } from "./log.mjs";
import { openEventStream } from "./sse-client.mjs";
import { summarize } from "./stats.mjs";

const KIND = "alert";
export const LAST_WORDS = "wharf-bench: giving up, exit 3";
// Both wait for /tmp/go, so `docker exec … touch /tmp/go` decides the moment they exit 3. A crash usually says
// why on stderr; Wharf's first message carries that log tail, and waits (boundedly) for it when there is none.
const CRASHES = {
  stderr: ["sh", "-c", `while [ ! -f /tmp/go ]; do sleep 0.05; done; echo '${LAST_WORDS}' >&2; exit 3`],
  silent: ["sh", "-c", "while [ ! -f /tmp/go ]; do sleep 0.05; done; exit 3"],
};

async function api(server, headers, method, pathname, body) {
  const res = await fetch(`${server.url}${pathname}`, {
    method,
    headers: { "content-type": "application/json", origin: server.url, ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${pathname} → ${res.status} ${(await res.text()).slice(0, 300)}`);
  return res.json();
}

/** The receiver's first signed `incident.opened` for this container, checked for what a user relies on. */
function openedFor(receiver, hostId, name, variant) {
  const post = receiver.received.find(
    (p) =>
      p.event === "incident.opened" && p.message?.container?.name === name && p.message.host?.id === hostId,
  );
  if (!post) return null;
  if (!post.valid) throw new Error(`${name}: the incident.opened POST has no valid X-Wharf-Signature`);
  if (post.message.incident?.exitCode !== 3)
    throw new Error(`${name}: the alert says exit code ${post.message.incident?.exitCode}, not 3`);
  if (variant === "stderr" && !post.message.logTail?.includes(LAST_WORDS))
    throw new Error(`${name}: the alert's log tail lacks the crash's last line`);
  return post;
}

/** `adminHeaders`: a session allowed to manage channels. Removes its channel and containers, also on failure. */
export async function runCrashToAlert({ engines, server, adminHeaders, trialsPerHost }) {
  const secret = randomBytes(24).toString("base64url");
  const receiver = await startAlertReceiver({ secret, now: nowMs });
  const dies = new Map(); // container id → { dieMs, receivedAt } from the plain engine subscription
  const running = new Set(); // container ids Wharf's stream has shown running
  const made = []; // [engine, id] still to remove
  const subscriptions = [];
  let channel = null;
  let sse = null;
  const figures = { baseline: [], stderr: [], silent: [] };
  try {
    ({ channel } = await api(server, adminHeaders, "POST", "/api/alerts/channels", {
      name: `wharf-bench-p7-${process.pid}`,
      kind: "webhook",
      enabled: true,
      rules: { events: ["incident.opened"], containerGlob: `wharf-bench-${KIND}-*` },
      settings: { url: receiver.url, secret },
    }));
    subscriptions.push(
      ...(await Promise.all(
        engines.map((eng) =>
          subscribeEvents(
            eng,
            { type: ["container"], event: ["die"], label: ["wharf.bench.kind=" + KIND] },
            (event, receivedAt) => dies.set(event.Actor.ID, { dieMs: event.timeNano / 1e6, receivedAt }),
            nowMs,
          ),
        ),
      )),
    );
    sse = openEventStream(`${server.url}/api/events`, {
      headers: server.headers,
      now: nowMs,
      onEvent: (message) => {
        if (message.event !== "container") return;
        const { id, row } = JSON.parse(message.data);
        if (row?.state === "running") running.add(id);
      },
    });
    await sse.snapshot;

    for (let trial = 0; trial < trialsPerHost; trial++) {
      // Hosts in turn and both kinds of crash on each, so neither a slow host nor a slow minute lands on one.
      for (const eng of engines) {
        for (const variant of Object.keys(CRASHES)) {
          const name = `wharf-bench-${KIND}-${eng.id}-${trial}-${variant}`;
          const id = await createContainer(eng, {
            name,
            cmd: CRASHES[variant],
            labels: labels(KIND),
            start: true,
          });
          made.push([eng, id]);
          // Only the die is timed: Wharf must already know the container is running.
          await waitFor(`${name} running in Wharf`, () => running.has(id), { everyMs: 10 });
          await sleep(100);
          await exec(eng, id, ["touch", "/tmp/go"]);
          const die = await waitFor(`${name} die event`, () => dies.get(id), {
            everyMs: 5,
            timeoutMs: 10_000,
          });
          const post = await waitFor(
            `the incident.opened webhook for ${name}`,
            () => openedFor(receiver, eng.id, name, variant),
            { everyMs: 5, timeoutMs: 10_000 },
          );
          figures.baseline.push(die.receivedAt - die.dieMs);
          figures[variant].push(post.receivedAt - die.dieMs);
          await removeContainer(eng, id);
        }
      }
      log(
        `P7 alert: ${(trial + 1) * engines.length}/${trialsPerHost * engines.length} trials per kind (last: with stderr ${figures.stderr.at(-1).toFixed(0)} ms, silent ${figures.silent.at(-1).toFixed(0)} ms)`,
      );
    }
    // Late duplicates would show here: every container should have had exactly one opening message.
    await sleep(500);
  } finally {
    sse?.close();
    subscriptions.forEach((s) => s.close());
    await Promise.all(made.map(([eng, id]) => removeContainer(eng, id).catch(() => {})));
    if (channel)
      await api(server, adminHeaders, "DELETE", `/api/alerts/channels/${channel.id}`).catch((error) =>
        log(`P7: could not remove channel ${channel.id}: ${error.message}`),
      );
    await receiver.close();
  }
  const opened = receiver.received.filter((p) => p.event === "incident.opened");
  return {
    baseline: summarize(figures.baseline),
    stderr: summarize(figures.stderr),
    silent: summarize(figures.silent),
    posts: receiver.received.length,
    duplicates: opened.length - new Set(opened.map((p) => p.message?.container?.name)).size,
  };
}
