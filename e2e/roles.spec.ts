import { expect, test } from "./fixtures";

test("a viewer sees environment keys with masked values and no action buttons; an operator sees both", async ({
  page,
  browser,
  fleet,
}) => {
  const name = await fleet.run(
    "alpha",
    "roles",
    ["--env", "DB_PASSWORD=hunter2-secret"],
    ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"],
  );
  const suffix = Date.now().toString(36);
  const people = { viewer: `viewer-${suffix}`, operator: `operator-${suffix}` };
  // The signed-in admin creates the two users through the API, as the settings page does.
  await page.goto("/");
  for (const [role, username] of Object.entries(people)) {
    const created = await page.request.post("/api/users", {
      data: { username, password: "a-long-enough-password", role },
      headers: { origin: new URL(page.url()).origin },
    });
    expect(created.status(), `creating the ${role}`).toBe(200);
  }

  for (const [role, username] of Object.entries(people)) {
    const context = await browser.newContext({ baseURL: new URL(page.url()).origin });
    const other = await context.newPage();
    await other.goto("/login");
    await other.getByLabel("Username").fill(username);
    await other.getByLabel("Password").fill("a-long-enough-password");
    await other.getByRole("button", { name: "Sign in" }).click();
    await expect(other).toHaveURL("/");
    await other.goto(`/containers/alpha/${name}`);
    await expect(other.getByRole("heading", { level: 1 })).toHaveText(name);
    if (role === "viewer") {
      await expect(other.getByText("DB_PASSWORD=••••••")).toBeVisible();
      await expect(other.getByText("hunter2-secret")).toHaveCount(0);
      await expect(other.getByTestId("action-restart")).toHaveCount(0);
    } else {
      await expect(other.getByText("DB_PASSWORD=hunter2-secret")).toBeVisible();
      await expect(other.getByTestId("action-restart")).toBeVisible();
    }
    await context.close();
  }
});
