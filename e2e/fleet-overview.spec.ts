import { expect, test, uniqueTag } from "./fixtures";

test("a crashed container is flagged with its exit code; a healthy one is not", async ({ page, fleet }) => {
  const tag = uniqueTag("overview");
  const crashed = await fleet.run("charlie", `${tag}-crash`, [], ["sh", "-c", "echo failing >&2; exit 3"]);
  const healthy = await fleet.run(
    "alpha",
    `${tag}-web`,
    ["--health-cmd", "true", "--health-interval", "1s"],
    ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"],
  );
  await fleet.until("charlie", crashed, "to exit", (state) => state.Status === "exited");
  await fleet.until(
    "alpha",
    healthy,
    "to be healthy",
    (state) => (state.Health as { Status: string }).Status === "healthy",
  );

  await page.goto(`/?q=e2e-${tag}`);

  const crashedRow = page.locator(`[data-testid=container-row][data-name="${crashed}"]`);
  await expect(crashedRow).toHaveAttribute("data-host", "charlie");
  await expect(crashedRow).toHaveAttribute("data-attention", "exit");
  await expect(crashedRow.getByTestId("exit-code")).toHaveText("3");
  await expect(crashedRow.getByTestId("state-label")).toHaveText("exited (3)");

  const attention = page.getByRole("region", { name: "Needs attention" });
  await expect(attention.locator(`[data-name="${crashed}"]`)).toContainText("exited with code 3");

  const healthyRow = page.locator(`[data-testid=container-row][data-name="${healthy}"]`);
  await expect(healthyRow).toHaveAttribute("data-attention", "");
  await expect(healthyRow.getByTestId("state-label")).toHaveText("healthy");
  await expect(attention.locator(`[data-name="${healthy}"]`)).toHaveCount(0);
});

test("the fleet page, plain, filtered and as the wall, takes over the server's HTML without errors", async ({
  page,
  fleet,
}) => {
  // A crash and a restart loop: flagged rows, host-card counts and an operator's restart buttons are what the
  // server's first screen (rendered without fleet data) lacks, and the loop keeps live updates arriving.
  const tag = uniqueTag("hydrate");
  const crashed = await fleet.run("alpha", `${tag}-crash`, [], ["sh", "-c", "echo failing >&2; exit 3"]);
  await fleet.run("alpha", `${tag}-loop`, ["--restart", "always"], ["sh", "-c", "exit 4"]);
  await fleet.until("alpha", crashed, "to exit", (state) => state.Status === "exited");
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`${page.url()}: ${error.message}`));
  page.on(
    "console",
    (message) => message.type() === "error" && problems.push(`${page.url()}: ${message.text()}`),
  );
  // A CPU as slow as the benchmark's busy machine's: the page's Suspense boundary then hydrates after the
  // stream's snapshot is in the cache, where a mismatch with the server's HTML shows (React error 418).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });

  // Each with something shown only once the part of the page holding it has hydrated (or has been thrown away
  // and rendered again).
  const pages: [path: string, hydrated: string][] = [
    ["/", "[data-testid=shown-count]"],
    [`/?q=e2e-${tag}`, `[data-testid=attention-item][data-name="${crashed}"]`],
    ["/?view=wall", "[data-testid=wall-tile][data-host=alpha]"],
  ];
  for (const [path, hydrated] of pages) {
    await page.goto(path);
    await expect(page.locator(hydrated)).toBeVisible();
  }
  expect(problems).toEqual([]);
});

test("restart crashed asks first (its dialog loads on the click), and Cancel restarts nothing", async ({
  page,
  fleet,
}) => {
  // Cancelled only: confirmed, it would restart every crashed container on the shared engine, other runs' too.
  const tag = uniqueTag("crashed");
  const crashed = await fleet.run("alpha", `${tag}-crash`, [], ["sh", "-c", "exit 3"]);
  await fleet.until("alpha", crashed, "to exit", (state) => state.Status === "exited");
  await page.goto(`/?q=e2e-${tag}`);

  const button = page.locator("[data-testid=host-card][data-host=alpha]").getByTestId("restart-crashed");
  await expect(button).toHaveText(/^↻Restart crashed \(\d+\)$/);
  await button.click();
  const dialog = page.getByRole("dialog", { name: "Restart the crashed containers on alpha?" });
  await expect(dialog).toContainText("Restart loops and unhealthy containers are left alone.");
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();

  // Asked again, the dialog that stayed mounted opens as the first one did.
  await button.click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(button).toBeEnabled();
  const row = page.locator(`[data-testid=container-row][data-name="${crashed}"]`);
  await expect(row).toHaveAttribute("data-state", "exited");
});

test("a host that is down shows as down and the rest of the page still works", async ({ page, fleet }) => {
  // Its own container: an empty fleet shows no table at all, and another checkout's rows prove nothing here.
  const name = await fleet.run(
    "bravo",
    "beside-down",
    [],
    ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"],
  );
  await page.goto(`/?q=${name}`);
  const gone = page.locator("[data-testid=host-card][data-host=gone]");
  await expect(gone.getByTestId("host-status")).toHaveText("down");
  await expect(gone.getByTestId("host-error")).toContainText("ECONNREFUSED");
  for (const host of ["alpha", "bravo", "charlie"]) {
    await expect(
      page.locator(`[data-testid=host-card][data-host=${host}]`).getByTestId("host-status"),
    ).toHaveText("up");
  }
  await expect(page.getByRole("table", { name: "Containers" })).toBeVisible();
  const row = page.locator(`[data-testid=container-row][data-name="${name}"]`);
  await expect(row).toHaveAttribute("data-state", "running");
  await expect(row).toHaveAttribute("data-stale", "0");
});

test("filters live in the URL and survive a reload", async ({ page, fleet }) => {
  const target = await fleet.run("bravo", "needle", [], ["sh", "-c", "exit 0"]);
  await fleet.until("bravo", target, "to exit", (state) => state.Status === "exited");

  await page.goto("/");
  // Typed before the page is interactive, the text would be lost: a person sees the page live first too.
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live");
  await page.getByRole("searchbox", { name: "Filter containers" }).fill(target);
  await expect(page).toHaveURL(new RegExp(`q=${target}`));
  await page.getByRole("combobox", { name: "Host" }).selectOption("bravo");
  await expect(page).toHaveURL(/host=bravo/);

  await page.reload();
  const rows = page.getByTestId("container-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-name", target);
  await expect(page.getByRole("searchbox", { name: "Filter containers" })).toHaveValue(target);

  await page.getByRole("combobox", { name: "Host" }).selectOption("alpha");
  await expect(page.getByText("No container matches these filters")).toBeVisible();
});

test("the container page shows its configuration, and an unknown container says so", async ({
  page,
  fleet,
}) => {
  const name = await fleet.run(
    "alpha",
    "detail",
    ["--env", "MODE=e2e", "--restart", "on-failure:2"],
    ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"],
  );
  await page.goto(`/?q=${name}`);
  await page.locator(`[data-testid=container-row][data-name="${name}"]`).getByRole("link", { name }).click();
  await expect(page).toHaveURL(`/containers/alpha/${name}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByText("MODE=••••••")).toBeVisible();
  await expect(page.getByText("on-failure (max 2)")).toBeVisible();

  await page.goto("/containers/alpha/does-not-exist");
  await expect(page.getByRole("alert").filter({ hasText: "Cannot show" })).toContainText(
    'Container "does-not-exist" not found on host "alpha"',
  );
});
