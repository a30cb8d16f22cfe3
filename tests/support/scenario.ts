import {
  docker,
  inspect,
  pause,
  runContainer,
  uniqueName,
  waitFor,
  TEST_LABEL,
  TEST_RUN,
  type Engine,
} from "./fleet";

export type Scenario = {
  engine: Engine;
  names: {
    healthy: string;
    exitedZero: string;
    exitedThree: string;
    created: string;
    paused: string;
    unhealthy: string;
    oom: string;
    restarting?: string;
  };
  volume: string;
};

const forever = ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"];

/**
 * Puts one engine's containers in every state a fleet shows: healthy, clean exit, crash, never started,
 * paused, unhealthy, OOM-killed and (optionally) a restart loop. Returns once the engine reports each state.
 */
export async function createScenario(engine: Engine, withRestartLoop: boolean): Promise<Scenario> {
  const prefix = `it-${engine}`;
  const names: Scenario["names"] = {
    healthy: uniqueName(`${prefix}-healthy`),
    exitedZero: uniqueName(`${prefix}-done`),
    exitedThree: uniqueName(`${prefix}-crash`),
    created: uniqueName(`${prefix}-created`),
    paused: uniqueName(`${prefix}-paused`),
    unhealthy: uniqueName(`${prefix}-unhealthy`),
    oom: uniqueName(`${prefix}-oom`),
    restarting: withRestartLoop ? uniqueName(`${prefix}-loop`) : undefined,
  };
  const volume = uniqueName(`${prefix}-vol`);
  await Promise.all([
    runContainer(
      engine,
      names.healthy,
      [
        "--label",
        "com.docker.compose.project=shop",
        "--label",
        "com.docker.compose.service=web",
        "--env",
        "GREETING=hello",
        "--volume",
        `${volume}:/data`,
        "--restart",
        "unless-stopped",
        "--health-cmd",
        "true",
        "--health-interval",
        "1s",
      ],
      forever,
    ),
    runContainer(engine, names.exitedZero, [], ["sh", "-c", "exit 0"]),
    runContainer(engine, names.exitedThree, [], ["sh", "-c", "echo boom >&2; exit 3"]),
    docker(
      engine,
      "create",
      "--name",
      names.created,
      "--network",
      "none",
      "--label",
      `${TEST_LABEL}=${TEST_RUN}`,
      "localhost/busybox:1",
      "true",
    ),
    runContainer(engine, names.paused, [], forever).then(() => pause(engine, names.paused)),
    runContainer(
      engine,
      names.unhealthy,
      ["--health-cmd", "echo db down; exit 1", "--health-interval", "1s", "--health-retries", "1"],
      forever,
    ),
    runOomKilled(engine, names.oom).then((name) => (names.oom = name)),
    ...(names.restarting
      ? [runContainer(engine, names.restarting, ["--restart", "always"], ["sh", "-c", "exit 1"])]
      : []),
  ]);

  const state = async (name: string) => (await inspect(engine, name))[0]!.State;
  await Promise.all([
    waitFor(`${names.exitedZero} to exit`, async () => (await state(names.exitedZero)).Status === "exited"),
    waitFor(`${names.exitedThree} to exit`, async () => (await state(names.exitedThree)).Status === "exited"),
    waitFor(
      `${names.healthy} to be healthy`,
      async () => (await state(names.healthy)).Health?.Status === "healthy",
    ),
    waitFor(
      `${names.unhealthy} to be unhealthy`,
      async () => (await state(names.unhealthy)).Health?.Status === "unhealthy",
    ),
    // Docker doubles the delay between restarts; by the seventh it waits over 12 s in "restarting", long enough
    // to compare the API with `docker inspect` without the container changing in between.
    ...(names.restarting
      ? [
          waitFor(
            `${names.restarting} to settle into its restart backoff`,
            async () => {
              const [item] = await inspect(engine, names.restarting!);
              return item!.RestartCount >= 7 && item!.State.Status === "restarting";
            },
            60_000,
          ),
        ]
      : []),
  ]);
  return { engine, names, volume };
}

/**
 * dockerd 20.10 sometimes handles a container's exit before the cgroup's OOM event and then records
 * OOMKilled=false for a container the kernel did kill. That is the engine's race, not Wharf's, so this retries
 * (under a fresh name each time) until the engine has recorded an OOM kill, and returns that container's name.
 */
export async function runOomKilled(engine: Engine, name: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const candidate = attempt === 1 ? name : `${name}-${attempt}`;
    await runContainer(
      engine,
      candidate,
      ["--memory", "8m", "--memory-swap", "8m"],
      ["sh", "-c", "x=$(head -c 67108864 /dev/zero | tr '\\0' x); echo survived"],
    );
    const state = await waitFor(`${candidate} to exit`, async () => {
      const [item] = await inspect(engine, candidate);
      return item!.State.Status === "exited" ? item!.State : undefined;
    });
    if (state.OOMKilled || attempt === 3) return candidate;
    await docker(engine, "rm", "-f", candidate);
  }
}
