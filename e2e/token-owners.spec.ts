import { expect, test, uniqueTag } from "./fixtures";

test("the settings page makes a service token for a named owner and tells it from a user token", async ({
  page,
}) => {
  const mine = uniqueTag("asw-mine");
  const theirs = uniqueTag("asw-team");
  await page.goto("/settings");
  const form = page.getByRole("form", { name: "Create an API token" });

  await form.getByLabel("Token name").fill(mine);
  await form.getByRole("button", { name: "Create token" }).click();
  const own = page.locator(`[data-testid=token-row][data-name="${mine}"]`);
  await expect(own.getByTestId("token-owner")).toHaveText("user token of admin");
  await expect(own).toHaveAttribute("data-owner-kind", "user");

  await form.getByLabel("Token name").fill(theirs);
  await form.getByTestId("service-token").check();
  await form.getByLabel("Owner (team or person)").fill("asw platform team");
  await form.getByRole("button", { name: "Create token" }).click();
  const service = page.locator(`[data-testid=token-row][data-name="${theirs}"]`);
  await expect(service.getByTestId("token-owner")).toHaveText("service token, owner asw platform team");
  await expect(service).toHaveAttribute("data-owner-kind", "service");
  await expect(service).toHaveAttribute("data-status", "active");
});
