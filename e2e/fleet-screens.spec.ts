import { execFileSync } from "node:child_process";
import { expect, test, uniqueTag } from "./fixtures";

const PORT = Number(process.env.E2E_PORT ?? 3102);

/** Cuts the browser's open connections to Wharf, as a network cut would (ss destroys the sockets). */
function cutConnections(): void {
  execFileSync("ss", ["-K", "-Htn", `( dport = :${PORT} )`]);
}

const serve = ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"];

test("the needs-attention filter keeps only flagged rows, and a host's attention count links to it", async ({
  page,
  fleet,
}) => {
  const tag = uniqueTag("attn");
  const crashed = await fleet.run("charlie", `${tag}-crash`, [], ["sh", "-c", "exit 4"]);
  const fine = await fleet.run("charlie", `${tag}-fine`, [], serve);
  // A `docker stop` ends in 137 here (the shell ignores TERM): no crash, so neither flagged nor red.
  const stopped = await fleet.run("charlie", `${tag}-stopped`, [], ["sh", "-c", "while :; do sleep 1; done"]);
  await fleet.until("charlie", crashed, "to exit", (state) => state.Status === "exited");
  await page.goto(`/?q=e2e-${tag}`);
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live");
  await fleet.docker("charlie", ["stop", "-t", "1", stopped]);
  const rows = page.getByTestId("container-row");
  await expect(page.locator(`[data-testid=container-row][data-name="${stopped}"]`)).toHaveAttribute(
    "data-state",
    "exited",
  );
  await expect(rows).toHaveCount(3);
  const stoppedExit = page
    .locator(`[data-testid=container-row][data-name="${stopped}"]`)
    .getByTestId("exit-code");
  await expect(stoppedExit).toHaveText("137");
  await expect(stoppedExit).toHaveAttribute("data-crash", "0");
  const crashExit = page
    .locator(`[data-testid=container-row][data-name="${crashed}"]`)
    .getByTestId("exit-code");
  await expect(crashExit).toHaveAttribute("data-crash", "1");

  // The box follows the URL, which the click changes: its state flips once the URL has.
  await page.getByTestId("filter-attention").click();
  await expect(page.getByTestId("filter-attention")).toBeChecked();
  await expect(page).toHaveURL(/attention=1/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-name", crashed);
  await expect(page.locator(`[data-testid=container-row][data-name="${fine}"]`)).toHaveCount(0);

  // The card's count is a link to the same view of that host.
  await page.goto("/");
  const count = page.locator("[data-testid=host-card][data-host=charlie]").getByTestId("count-attention");
  await expect(count).toHaveAttribute("href", "/?host=charlie&attention=1");
  await count.click();
  await expect(page).toHaveURL(/\?host=charlie&attention=1$/);
  await expect(page.getByTestId("filter-attention")).toBeChecked();
  await page.getByRole("searchbox", { name: "Filter containers" }).fill(`e2e-${tag}`);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-name", crashed);
});

test("rows group under their compose project, with the project's state, and a project folds", async ({
  page,
  fleet,
}) => {
  const tag = uniqueTag("group");
  const project = `p${tag.replace(/[^a-z0-9]/g, "")}`;
  const compose = (service: string) => [
    "--label",
    `com.docker.compose.project=${project}`,
    "--label",
    `com.docker.compose.service=${service}`,
  ];
  const web = await fleet.run("alpha", `${tag}-web`, compose("web"), serve);
  const worker = await fleet.run("bravo", `${tag}-worker`, compose("worker"), ["sh", "-c", "exit 2"]);
  const loose = await fleet.run("alpha", `${tag}-loose`, [], serve);
  await fleet.until("bravo", worker, "to exit", (state) => state.Status === "exited");

  await page.goto(`/?q=e2e-${tag}`);
  await page.getByTestId("group-project").click();
  await expect(page.getByTestId("group-project")).toBeChecked();
  await expect(page).toHaveURL(/group=project/);
  const group = page.locator(`[data-testid=project-group][data-project="${project}"]`);
  await expect(group).toHaveAttribute("data-state", "attention");
  await expect(group.getByTestId("project-counts")).toContainText("1 of 2 running, 1 needs attention");
  await expect(group.getByTestId("project-counts")).toContainText("alpha, bravo");
  await expect(page.locator("[data-testid=project-group][data-project='']")).toBeVisible();
  for (const name of [web, worker, loose])
    await expect(page.locator(`[data-testid=container-row][data-name="${name}"]`)).toBeVisible();

  await group.getByRole("button", { name: project }).click();
  await expect(group).toHaveAttribute("data-collapsed", "1");
  await expect(page.locator(`[data-testid=container-row][data-name="${web}"]`)).toHaveCount(0);
  await expect(page.locator(`[data-testid=container-row][data-name="${worker}"]`)).toHaveCount(0);
  await expect(page.locator(`[data-testid=container-row][data-name="${loose}"]`)).toBeVisible();
  await group.getByRole("button", { name: project }).click();
  await expect(page.locator(`[data-testid=container-row][data-name="${web}"]`)).toBeVisible();
});

test("the wall view shows hosts as tiles, trouble first, and recovers by itself after a network cut", async ({
  page,
  fleet,
}) => {
  test.setTimeout(120_000);
  const tag = uniqueTag("wall");
  const first = await fleet.run("bravo", `${tag}-one`, [], ["sh", "-c", "exit 5"]);
  await fleet.until("bravo", first, "to exit", (state) => state.Status === "exited");

  await page.goto("/?view=wall");
  const wall = page.getByTestId("wall");
  await expect(wall).toHaveAttribute("data-live", "live");
  // No chrome: the wall covers the header.
  expect(await page.evaluate(() => !!document.elementFromPoint(40, 20)?.closest("[data-testid=wall]"))).toBe(
    true,
  );
  const bravo = page.locator("[data-testid=wall-tile][data-host=bravo]");
  await expect(bravo.locator(`[data-testid=wall-problem][data-name="${first}"]`)).toContainText(
    "exited with code 5",
  );
  // The host e2e adds (nobody listens) is down: it comes first.
  await expect(page.getByTestId("wall-tile").first()).toHaveAttribute("data-status", "down");
  // Then the hosts with the most problems.
  const attention = await page
    .locator("[data-testid=wall-tile][data-status=up]")
    .evaluateAll((tiles) => tiles.map((tile) => Number(tile.getAttribute("data-attention"))));
  expect(attention).toEqual([...attention].sort((a, b) => b - a));

  // The network goes: the open stream is cut, and reconnecting fails until it is back.
  await page.route("**/api/events", (route) => route.abort("internetdisconnected"));
  cutConnections();
  await expect(wall).not.toHaveAttribute("data-live", "live");
  const second = await fleet.run("charlie", `${tag}-two`, [], ["sh", "-c", "exit 6"]);
  await fleet.until("charlie", second, "to exit", (state) => state.Status === "exited");
  await page.unroute("**/api/events");

  // Nobody reloads a wall screen: the stream comes back and brings what happened meanwhile.
  await expect(wall).toHaveAttribute("data-live", "live", { timeout: 45_000 });
  await expect(
    page.locator(
      `[data-testid=wall-tile][data-host=charlie] [data-testid=wall-problem][data-name="${second}"]`,
    ),
  ).toContainText("exited with code 6");
});
