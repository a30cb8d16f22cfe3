import { expect, test, uniqueTag } from "./fixtures";

test("the log scrolls back past its first 500 lines, page by page, to the log's start", async ({
  page,
  fleet,
}) => {
  const name = await fleet.run(
    "bravo",
    "scrollback",
    [],
    ["sh", "-c", 'i=1; while [ $i -le 1200 ]; do echo "line $i"; i=$((i+1)); done; echo ready; sleep 100000'],
  );
  await fleet.until("bravo", name, "to print its lines", (state) => state.Running === true);
  await expect
    .poll(async () => (await fleet.docker("bravo", ["logs", "--tail", "1", name])).trim(), {
      timeout: 30_000,
    })
    .toBe("ready");

  await page.goto(`/containers/bravo/${name}`);
  const logs = page.getByRole("region", { name: "Logs" });
  await expect(logs.getByTestId("log-status")).toContainText("500 lines");
  const older = logs.getByTestId("log-older");
  await older.click();
  await expect(logs.getByTestId("log-status")).toContainText("1,000 lines");
  // Reading back pauses the follow, and the first line is now 500 lines earlier.
  await expect(logs.getByTestId("log-status")).toContainText("paused");
  const scroller = logs.getByTestId("log-scroller");
  await scroller.evaluate((element) => (element.scrollTop = 0));
  await expect(scroller.getByTestId("log-text").first()).toHaveText("line 202");

  await older.click();
  await expect(logs.getByTestId("log-status")).toContainText("1,201 lines");
  await expect(logs.getByTestId("log-start")).toBeVisible();
  await expect(older).toHaveCount(0);
  await scroller.evaluate((element) => (element.scrollTop = 0));
  await expect(scroller.getByTestId("log-text").first()).toHaveText("line 1");

  // With a filter, Download says it saves the matching lines only: line 12, 120–129 and 1200.
  await logs.getByRole("searchbox", { name: "Filter log lines" }).fill("line 12");
  await expect(logs.getByTestId("log-download")).toHaveText("Download 12 matching lines");
});

test("a marker shows where the container restarted in its log", async ({ page, fleet }) => {
  const name = await fleet.run(
    "alpha",
    "marker",
    [],
    ["sh", "-c", "echo \"run at $(date +%s%N)\"; trap 'exit 0' TERM; while :; do sleep 1; done"],
  );
  await fleet.docker("alpha", ["restart", "-t", "1", name]);
  await page.goto(`/containers/alpha/${name}`);
  const logs = page.getByRole("region", { name: "Logs" });
  await expect(logs.getByTestId("log-line")).toHaveCount(2);
  const marker = logs.getByTestId("restart-marker");
  await expect(marker).toContainText("restarted");
  // It sits on the second run's first line.
  await expect(logs.getByTestId("log-line").nth(1).getByTestId("restart-marker")).toBeVisible();
});

test("a compose project's containers merge into one time-ordered log, a colour per container", async ({
  page,
  fleet,
}) => {
  const tag = uniqueTag("merged");
  const project = `p${tag.replace(/[^a-z0-9]/g, "")}`;
  const compose = (service: string) => [
    "--label",
    `com.docker.compose.project=${project}`,
    "--label",
    `com.docker.compose.service=${service}`,
  ];
  const talk = (who: string) => [
    "sh",
    "-c",
    `i=0; trap 'exit 0' TERM; while :; do i=$((i+1)); echo "${who} says $i"; sleep 0.3; done`,
  ];
  const web = await fleet.run("alpha", `${tag}-web`, compose("web"), talk("web"));
  const api = await fleet.run("charlie", `${tag}-api`, compose("api"), talk("api"));

  await page.goto(`/projects/${project}/logs`);
  await expect(page.getByTestId("project-log-status")).toHaveAttribute("data-status", "live");
  await expect(page.getByTestId("project-log-container")).toHaveCount(2);
  const lines = page.getByTestId("project-log-line");
  await expect(lines.filter({ hasText: "web says" }).first()).toBeVisible();
  await expect(lines.filter({ hasText: "api says" }).first()).toBeVisible();
  await expect(page.locator(`[data-testid=project-log-line][data-container="${web}"]`).first()).toBeVisible();
  await expect(page.locator(`[data-testid=project-log-line][data-container="${api}"]`).first()).toBeVisible();

  // Time order across both containers, and a different colour for each.
  const shown = await lines.evaluateAll((rows) =>
    rows
      .map((row) => ({
        top: new DOMMatrix(getComputedStyle(row).transform).m42,
        ts: row.querySelector("time")!.getAttribute("title")!,
        colour: getComputedStyle(row.querySelectorAll("span")[0]!).color,
        container: row.getAttribute("data-container")!,
      }))
      .sort((a, b) => a.top - b.top),
  );
  const times = shown.map((row) => Date.parse(row.ts));
  expect(times).toEqual([...times].sort((a, b) => a - b));
  const colours = new Map(shown.map((row) => [row.container, row.colour]));
  expect(new Set(colours.values()).size).toBe(2);

  // A project with no container is a clear 404.
  const missing = await page.request.get("/api/projects/no-such-project-here/logs");
  expect(missing.status()).toBe(404);
});
