import { expect, test } from "./fixtures";

test("a crash loop stays flagged in the page for 30 s, with its exit code and the line that says why", async ({
  page,
  fleet,
}) => {
  test.setTimeout(120_000);
  const name = await fleet.run(
    "alpha",
    "loop",
    ["--restart", "always"],
    ["sh", "-c", "echo 'cannot reach db' >&2; sleep 1; exit 4"],
  );
  await page.goto(`/?q=${name}`);
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live");
  const row = page.locator(`[data-testid=container-row][data-name="${name}"]`);
  await expect
    .poll(async () => Number(await fleet.docker("alpha", ["inspect", "-f", "{{.RestartCount}}", name])), {
      timeout: 20_000,
    })
    .toBeGreaterThanOrEqual(2);

  // Sampled in the page itself every 100 ms, so no sample is lost to a round-trip.
  const samples = await page.evaluate(async (selector) => {
    const seen: string[] = [];
    const end = Date.now() + 30_000;
    while (Date.now() < end) {
      const element = document.querySelector(selector);
      const label = element?.querySelector("[data-testid=state-label]")?.textContent ?? "";
      seen.push(`${element?.getAttribute("data-attention") ?? "missing"}|${label}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return seen;
  }, `[data-testid=container-row][data-name="${name}"]`);
  expect(samples.length).toBeGreaterThan(200);
  expect(samples.filter((sample) => sample !== "restart-loop|restart loop (exit 4)")).toEqual([]);

  await expect(row.getByTestId("stderr-line")).toContainText("cannot reach db");
  await expect(row.getByTestId("exit-code")).toHaveText("4");

  // The container page says the same, with one count: the incident's.
  await row.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  const banner = page.getByText("Needs attention: restart loop, last exit code 4");
  await expect(banner).toBeVisible();
  await expect
    .poll(async () => {
      const count = await page.getByTestId("incident-count").first().textContent();
      return (await page.getByTestId("banner-evidence").textContent())?.includes(`Crashed ${count} times`);
    })
    .toBe(true);
  await expect(page.getByTestId("banner-evidence")).toContainText("last exit code 4");
  await expect(page.getByTestId("stderr-line").first()).toContainText("cannot reach db");
});

test("host cards follow a docker run and a docker kill without a reload", async ({ page, fleet }) => {
  await page.goto("/");
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live");
  const card = page.locator('[data-testid=host-card][data-host="charlie"]');
  const count = async (label: string) =>
    Number(
      await card
        .locator("div", { has: page.locator(`dt:text-is("${label}")`) })
        .locator("dd")
        .textContent(),
    );
  await expect(card.getByTestId("host-status")).toHaveText("up");
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

  const running = await count("running");
  const name = await fleet.run(
    "charlie",
    "counted",
    [],
    ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"],
  );
  await expect.poll(() => count("running")).toBe(running + 1);
  const exited = await count("exited");
  await fleet.docker("charlie", ["kill", name]);
  await expect.poll(() => count("exited")).toBe(exited + 1);
  await expect.poll(() => count("running")).toBe(running);
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(
    true,
  );
});
