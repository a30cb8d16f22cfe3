// The large run's table rows and its "how each figure is taken" lines. A goal is met only when it holds for the
// median and for the p95.
const n = (value) => value.toLocaleString("en-US");
const ratio = (fig, base) =>
  `${(fig.median / base.median).toFixed(2)}× at the median, ${(fig.p95 / base.p95).toFixed(2)}× at p95`;
const within = (fig, base, factor) => fig.median <= factor * base.median && fig.p95 <= factor * base.p95;

export function buildLargeRows(r) {
  const f = r.frozen;
  const rows = [
    {
      id: "L1",
      what: `Wharf's start → all ${n(r.total)} containers of ${r.engines} engines listed — ${ratio(r.start, r.direct)}`,
      unit: "ms",
      fig: r.start,
      baseline: {
        what: `every engine's \`GET /containers/json?all=1\` at once (${r.engines} in parallel)`,
        fig: r.direct,
      },
      goal: "≤ 1.5× the direct lists",
      met: within(r.start, r.direct, 1.5),
    },
    {
      id: "L1",
      what: "Wharf's start → its first answer on `/api/hosts` (the server up, before the fleet is read)",
      unit: "ms",
      fig: r.answered,
      baseline: { what: "as above", fig: r.direct },
      goal: "—",
      met: null,
    },
    {
      id: "L2",
      what: `${f.victim} frozen (SIGSTOP): start → the other ${f.others} engines' containers listed — ${ratio(f.start, f.direct)}; ${ratio(f.start, r.start)} the unfrozen start`,
      unit: "ms",
      fig: f.start,
      baseline: { what: `the other ${f.others} engines' lists at once, ${f.victim} frozen`, fig: f.direct },
      goal: "≤ 1.5× the direct lists",
      met: within(f.start, f.direct, 1.5),
    },
    {
      id: "L2",
      what: `${f.victim} frozen: start → shown down (${f.errors.map((e) => `"${e}"`).join(", ")})`,
      unit: "ms",
      fig: f.downAt,
      baseline: { what: "unfrozen start → all listed", fig: r.start },
      goal: "—",
      met: null,
    },
    {
      id: "L2",
      what: `\`GET /api/containers\` while ${f.victim} is frozen (its ${n(f.staleRows)} last known rows marked stale) — ${ratio(f.whileFrozen, f.thawed)} the same server after SIGCONT`,
      unit: "ms",
      fig: f.whileFrozen,
      baseline: { what: "same call, same server, after SIGCONT", fig: f.thawed },
      goal: "≤ 1.5× unfrozen",
      met: within(f.whileFrozen, f.thawed, 1.5),
    },
    {
      id: "L2",
      what: `SIGCONT → ${f.victim} up again with all its containers`,
      unit: "ms",
      fig: f.back,
      baseline: null,
      goal: "—",
      met: null,
    },
  ];
  const list = r.list;
  const direct = {
    what: `direct \`GET /containers/json?all=1\` to alpha (one engine, ${n(r.perHost)} bench containers)`,
    fig: list.direct,
  };
  rows.push(
    {
      id: "L3",
      what: `\`GET /api/containers\`, ${n(r.total)} containers, no compression — ${ratio(list.plain, list.direct)}`,
      unit: "ms",
      fig: list.plain,
      baseline: direct,
      goal: "—",
      met: null,
    },
    {
      id: "L3",
      what: `\`GET /api/containers\`, ${n(r.total)} containers, \`Accept-Encoding: gzip\` — ${ratio(list.gzip, list.direct)}`,
      unit: "ms",
      fig: list.gzip,
      baseline: direct,
      goal: "—",
      met: null,
    },
    {
      id: "L3",
      what: "response size, plain / gzip",
      unit: "size",
      fig: list.plainBytes,
      extra: list.gzipBytes,
      baseline: { what: "one engine's list (alpha)", fig: list.directBytes },
      goal: "—",
      met: null,
    },
  );
  return rows;
}

export function describeLarge(r) {
  const f = r.frozen;
  return [
    `Fleet: \`npm run fleet:up -- --engines ${r.engines}\` (alpha, bravo, charlie and ${r.engines - 3} more dockerd on unix sockets, \`.fleet/hosts-large.json\`); ${n(r.perHost)} created-not-started bench containers per engine (\`--network none\`, 16 creates in flight per engine, ${r.createSeconds.toFixed(0)} s for all). The swarm nodes are left out.`,
    `L1: ${r.trials} starts of a Wharf server of the bench's own (\`node scripts/start.mjs\` from the private build copy, \`FLEET_CONFIG=.fleet/hosts-large.json\`), each on the DATA_DIR of a first start that signed the bench in (so every timed start is a restart: the event cursors are kept and each host's catch-up read runs). The clock starts when the process is spawned and stops when a poll of \`/api/hosts\` (every 20 ms, signed in) shows every host up with as many containers as its engine listed just before. The baseline, right before each start and with no Wharf running: every engine's \`GET /containers/json?all=1\` sent at once over its unix socket, until the last body is received and parsed.`,
    `L2: ${f.victim}'s dockerd is sent SIGSTOP (its socket still accepts connections; nothing answers), the other ${f.others} engines' lists are read directly at once (the baseline), and Wharf is started as in L1; the clock stops when every other host is up with all its containers and ${f.victim} is reported down. Then ${f.whileFrozen.n / r.trials} \`GET /api/containers\` per start, timed to the last byte; ${f.victim} must be listed \`down\`. SIGCONT (always, also on failure), then the time until Wharf shows ${f.victim} up with all its containers, and the same list calls again. ${r.trials} rounds.`,
    `L3: the P2 measure on the last L1 server: ${r.list.plain.n} interleaved trials of Wharf's list (plain, then gzip) and one direct engine call, after 3 warm-ups, to the last byte.`,
  ];
}
