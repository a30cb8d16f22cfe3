import { expect, test } from "./fixtures";

test("with / open, a crash on a real engine is flagged and listed as an incident without a reload", async ({
  page,
  fleet,
}) => {
  const name = await fleet.run(
    "bravo",
    "live",
    [],
    ["sh", "-c", "while [ ! -f /tmp/go ]; do sleep 0.1; done; echo 'disk full' >&2; exit 5"],
  );
  await page.goto(`/?q=${name}`);
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live");
  const row = page.locator(`[data-testid=container-row][data-name="${name}"]`);
  await expect(row).toHaveAttribute("data-state", "running");
  await expect(row).toHaveAttribute("data-attention", "");

  // Anything that reloads the page would reset this marker.
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
  await fleet.exec("bravo", name, ["touch", "/tmp/go"]);

  await expect(row).toHaveAttribute("data-attention", "exit");
  await expect(row.getByTestId("exit-code")).toHaveText("5");
  await expect(row.getByTestId("incident-badge")).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Needs attention" }).locator(`[data-name="${name}"]`),
  ).toContainText("exited with code 5");

  await page.getByRole("link", { name: "Incidents" }).click();
  const card = page.locator(`[data-testid=incident-card][data-container="${name}"]`);
  await expect(card).toHaveAttribute("data-kind", "exit");
  await expect(card.getByTestId("incident-log")).toContainText("disk full");
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(
    true,
  );
});

test("a docker stop is not flagged as a crash", async ({ page, fleet }) => {
  const name = await fleet.run(
    "alpha",
    "stopped",
    ["--stop-timeout", "1"],
    ["sh", "-c", "trap '' TERM; while :; do sleep 1; done"],
  );
  await page.goto(`/?q=${name}`);
  const row = page.locator(`[data-testid=container-row][data-name="${name}"]`);
  await expect(row).toHaveAttribute("data-state", "running");
  await fleet.docker("alpha", ["stop", name]);
  await expect(row).toHaveAttribute("data-state", "exited");
  await expect(row.getByTestId("state-label")).toHaveText("stopped (137)");
  await expect(row).toHaveAttribute("data-attention", "");
});
