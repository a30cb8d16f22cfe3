import { expect, test, uniqueTag } from "./fixtures";

test("the settings page makes a team, adds a member, grants it a scope and takes the grant back", async ({
  page,
}) => {
  const team = uniqueTag("gr-team");
  await page.goto("/settings");

  const teams = page.getByRole("form", { name: "Create a team" });
  await teams.getByLabel("Team name").fill(team);
  await teams.getByRole("button", { name: "Create team" }).click();
  const card = page.locator(`[data-testid=team-card][data-team="${team}"]`);
  await expect(card).toBeVisible();
  await card.getByLabel(`User to add to ${team}`).selectOption({ label: "admin" });
  await card.getByRole("button", { name: "Add", exact: true }).click();
  await expect(card.getByRole("list", { name: `Members of ${team}` })).toContainText("admin");

  const grants = page.getByRole("form", { name: "Add a grant" });
  await grants.getByLabel("To", { exact: true }).selectOption({ label: team });
  await grants.getByLabel("Role to grant").selectOption("operator");
  await grants.getByLabel("Hosts (comma-separated)").fill("alpha");
  await grants.getByLabel("Projects (comma-separated)").fill("grshop, grblog");
  await grants.getByRole("button", { name: "Grant" }).click();
  const row = page.getByTestId("grant-row").filter({ hasText: team });
  await expect(row).toContainText("operator");
  await expect(row).toContainText("projects grshop, grblog on alpha");

  // A scope the API refuses says why, and grants nothing.
  await grants.getByLabel("To", { exact: true }).selectOption({ label: team });
  await grants.getByLabel("Names (comma-separated)").fill("shop[1]");
  await grants.getByRole("button", { name: "Grant" }).click();
  await expect(page.getByText("must be a container name or a glob of one")).toBeVisible();
  await expect(page.getByTestId("grant-row").filter({ hasText: team })).toHaveCount(1);

  await row.getByRole("button", { name: "Remove" }).click();
  await expect(page.getByTestId("grant-row").filter({ hasText: team })).toHaveCount(0);
});
