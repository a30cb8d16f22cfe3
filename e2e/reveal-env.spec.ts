import { expect, test } from "./fixtures";

test("an environment value is not in the page until Reveal is clicked, and the reveal is in the audit log", async ({
  page,
  fleet,
}) => {
  const secret = `s3cret-${Date.now().toString(36)}`;
  const name = await fleet.run(
    "alpha",
    "reveal",
    ["--env", `API_KEY=${secret}`],
    ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"],
  );

  await page.goto(`/containers/alpha/${name}`);
  const entry = page.locator("[data-testid=env-entry][data-key=API_KEY]");
  await expect(entry).toContainText("API_KEY=••••••");
  expect(await page.content()).not.toContain(secret);

  await entry.getByRole("button", { name: "Reveal API_KEY" }).click();
  await expect(entry).toContainText(`API_KEY=${secret}`);
  await entry.getByRole("button", { name: "Hide API_KEY" }).click();
  await expect(entry).toContainText("API_KEY=••••••");
  expect(await page.content()).not.toContain(secret);

  await page.goto("/settings");
  const row = page
    .locator("[data-testid=audit-row][data-action=env-revealed]")
    .filter({ hasText: `alpha/${name}` });
  await expect(row).toContainText("admin");
  await expect(row).toContainText("key: API_KEY");
  await expect(page.getByText(secret)).toHaveCount(0);
});
