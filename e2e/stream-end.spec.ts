import { expect, test } from "./fixtures";

test("a page whose user is disabled while it follows a container is sent to sign in (and back to that page afterwards)", async ({
  page,
  browser,
  fleet,
}) => {
  const name = await fleet.run(
    "alpha",
    "stream-end",
    [],
    ["sh", "-c", 'i=0; while :; do i=$((i+1)); echo "tick $i"; sleep 0.2; done'],
  );
  const username = `watcher-${Date.now().toString(36)}`;
  await page.goto("/");
  const origin = new URL(page.url()).origin;
  const created = await page.request.post("/api/users", {
    data: { username, password: "a-long-enough-password", role: "viewer" },
    headers: { origin },
  });
  expect(created.status()).toBe(200);
  const { user } = (await created.json()) as { user: { id: number } };

  const context = await browser.newContext({ baseURL: origin });
  const watcher = await context.newPage();
  await watcher.goto("/login");
  await watcher.getByLabel("Username").fill(username);
  await watcher.getByLabel("Password").fill("a-long-enough-password");
  await watcher.getByRole("button", { name: "Sign in" }).click();
  await expect(watcher).toHaveURL("/");
  await watcher.goto(`/containers/alpha/${name}`);
  await expect(watcher.getByTestId("live-status")).toHaveAttribute("data-status", "live");
  await expect(watcher.getByText("following live")).toBeVisible();
  await expect(watcher.getByText(/tick \d+/).first()).toBeVisible();

  const disabled = await page.request.patch(`/api/users/${user.id}`, {
    data: { disabled: true },
    headers: { origin },
  });
  expect(disabled.status()).toBe(200);

  await expect(watcher).toHaveURL(`/login?next=${encodeURIComponent(`/containers/alpha/${name}`)}`);
  await expect(watcher.getByRole("button", { name: "Sign in" })).toBeVisible();
  await context.close();
});
