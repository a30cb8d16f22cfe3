import { execFileSync } from "node:child_process";
import { expect, test } from "./fixtures";

const PORT = Number(process.env.E2E_PORT ?? 3102);
// bravo is the dev fleet's plain-TCP engine: its connections can be counted with `ss`.
const BRAVO_PORT = 23751;

/** The pid of the Wharf server Playwright started: whoever listens on the e2e port. */
function wharfPid(): string {
  const listening = execFileSync("ss", ["-Htlnp", `sport = :${PORT}`], { encoding: "utf8" });
  const pid = /pid=(\d+)/.exec(listening)?.[1];
  if (!pid) throw new Error(`Nothing listens on :${PORT}: ${listening}`);
  return pid;
}

/** Wharf's established TCP connections to bravo's engine. */
function connectionsToBravo(pid: string): number {
  const established = execFileSync("ss", ["-Htnp", "state", "established", `( dport = :${BRAVO_PORT} )`], {
    encoding: "utf8",
  });
  return established.split("\n").filter((line) => line.includes(`pid=${pid},`)).length;
}

test("a container's page follows its log and usage live, and closes the engine streams when left", async ({
  page,
  fleet,
}) => {
  test.setTimeout(120_000);
  const name = await fleet.run(
    "bravo",
    "logs",
    [],
    [
      "sh",
      "-c",
      'i=0; while :; do i=$((i+1)); echo "tick $i"; if [ $((i % 5)) -eq 0 ]; then echo "warn $i: slow disk" >&2; fi; sleep 0.1; done',
    ],
  );
  const pid = wharfPid();

  // Wharf keeps an event stream and a keep-alive connection or two per engine; short requests come and go
  // (an idle keep-alive socket lasts up to 5 s). Take the count once it has held still for 6 readings.
  const readings: number[] = [];
  await expect
    .poll(
      () => {
        readings.push(connectionsToBravo(pid));
        const last = readings.slice(-6);
        return last.length === 6 && new Set(last).size === 1;
      },
      { message: "Wharf's connections to bravo to settle", intervals: [1_000], timeout: 45_000 },
    )
    .toBe(true);
  const before = readings.at(-1)!;

  await page.goto(`/containers/bravo/${name}`);
  const logs = page.getByRole("region", { name: "Logs" });
  await expect(logs.getByTestId("log-status")).toHaveAttribute("data-status", "live");
  const lines = logs.getByTestId("log-line");
  await expect(lines.first()).toBeVisible();

  // New lines arrive without a reload: the newest tick keeps growing.
  const newestTick = async () => {
    const texts = await logs.getByTestId("log-text").allTextContents();
    return Math.max(0, ...texts.map((text) => Number(/^tick (\d+)$/.exec(text)?.[1] ?? 0)));
  };
  const firstSeen = await newestTick();
  await expect.poll(newestTick, { message: "new lines to arrive" }).toBeGreaterThan(firstSeen + 5);

  // stderr is marked.
  await expect(logs.locator("[data-testid=log-line][data-stream=stderr]").first()).toContainText("warn");

  // The usage charts draw from the stats stream.
  const memory = page.getByTestId("chart-memory");
  await expect(memory.locator('path[data-series="memory"]').first()).toHaveAttribute(
    "d",
    /^M[\d.,]+L[\d.,]+/,
  );
  await expect(memory.getByTestId("memory-used")).toHaveText(/^[1-9][\d.]* (B|KiB|MiB|GiB)$/);

  // Both engine streams are open while the page is.
  await expect
    .poll(() => connectionsToBravo(pid), { message: "the log and stats streams to be open" })
    .toBeGreaterThanOrEqual(before + 2);

  // Filtering hides the other lines and highlights the matches.
  await logs.getByRole("searchbox", { name: "Filter log lines" }).fill("WARN");
  await expect(lines.filter({ hasText: "tick" })).toHaveCount(0);
  await expect(lines.first()).toContainText(/warn \d+: slow disk/);
  const shown = await lines.count();
  expect(shown).toBeGreaterThan(0);
  await expect(logs.getByTestId("log-match").first()).toHaveText("warn");
  for (const line of await lines.all()) await expect(line).toHaveAttribute("data-stream", "stderr");
  await expect(logs.getByTestId("log-status")).toContainText(/\d+ of \d+ lines match/);

  // Leaving the page closes the streams behind it: Wharf's connections to bravo go back down.
  await page.getByRole("link", { name: "← Fleet" }).click();
  await expect(page).toHaveURL("/");
  await expect
    .poll(() => connectionsToBravo(pid), { message: "the engine streams to be closed", timeout: 20_000 })
    .toBeLessThanOrEqual(before);
});

test("an exited container shows its last lines and says it stopped", async ({ page, fleet }) => {
  const name = await fleet.run(
    "alpha",
    "exited",
    [],
    ["sh", "-c", "echo 'starting' >&2; printf '\\033[31m<b>boom</b>\\033[0m\\n' >&2; exit 1"],
  );
  await fleet.until("alpha", name, "to exit", (state) => state.Status === "exited");
  await page.goto(`/containers/alpha/${name}`);
  const logs = page.getByRole("region", { name: "Logs" });
  await expect(logs.getByText("container stopped — showing its last lines")).toBeVisible();
  // Both on stderr: the engine orders lines within a stream, not across stdout and stderr written together.
  await expect(logs.getByTestId("log-text")).toHaveText(["starting", "<b>boom</b>"]);
  // The markup a container printed is text, coloured by its escape code, never an element.
  const boom = logs.getByTestId("log-text").nth(1);
  await expect(boom.locator("b")).toHaveCount(0);
  await expect(boom.locator("span").first()).toHaveCSS("color", "rgb(248, 113, 113)");
  await expect(page.getByRole("region", { name: "Resource usage" })).toContainText("Not running");
});
