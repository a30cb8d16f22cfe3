import { buildAndPush, REGISTRY } from "../tests/support/images";
import { expect, test } from "./fixtures";

const serve = ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"];

test("Rollback is offered only with something to return to, and returns to the previous reference without moving a tag", async ({
  page,
  fleet,
}) => {
  const repo = `${REGISTRY}/e2e-rbk-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  const v1 = await buildAndPush("alpha", `${repo}:1`, { version: "v1" });
  const v2 = await buildAndPush("alpha", `${repo}:2`, { version: "v2" });
  const name = await fleet.run("alpha", "rbk-rollback", [], serve, `${repo}:1`);

  await page.goto(`/containers/alpha/${name}`);
  const rollback = page.getByTestId("action-rollback");
  await expect(rollback).toBeDisabled();
  await expect(rollback).toHaveAttribute("title", /^Nothing to roll back to: no redeploy of this container/);
  await expect(page.getByTestId("rollback-unavailable")).toContainText(
    "Rollback: Nothing to roll back to: no redeploy of this container through Wharf is recorded",
  );

  await page.getByTestId("action-redeploy").click();
  const dialog = page.getByRole("dialog", { name: `Redeploy ${name}?` });
  await dialog.getByTestId("redeploy-image").fill(`${repo}:2`);
  await dialog.getByTestId("confirm-action").click();
  await expect(page.locator("[data-testid=toast][data-outcome=succeeded]")).toContainText(
    `${name} on alpha now runs ${repo}:2`,
  );
  await expect(page.getByText(v2.id)).toBeVisible();

  await expect(rollback).toBeEnabled();
  await expect(rollback).toHaveAttribute("title", `Roll back to ${repo}:1`);
  await expect(page.getByTestId("rollback-unavailable")).toHaveCount(0);
  await rollback.click();
  const confirm = page.getByRole("dialog", { name: `Roll back ${name}?` });
  await expect(confirm).toContainText(`recreated on ${repo}:1`);
  await expect(confirm).toContainText("no tag on the host is changed");
  await confirm.getByTestId("confirm-action").click();

  await expect(page.locator("[data-testid=toast][data-outcome=succeeded]").last()).toContainText(
    `${name} on alpha is back on ${repo}:1`,
  );
  // The page, `docker ps` and the host's tags all say the same: it runs :1, and :2 is still :2.
  await expect(page.getByText(v1.id)).toBeVisible();
  await expect(page.getByRole("code").filter({ hasText: new RegExp(`^${repo}:1$`) })).toBeVisible();
  expect(await fleet.docker("alpha", ["ps", "--filter", `name=^/${name}$`, "--format", "{{.Image}}"])).toBe(
    `${repo}:1`,
  );
  expect(await fleet.docker("alpha", ["image", "inspect", "-f", "{{.Id}}", `${repo}:2`])).toBe(v2.id);
});

test("a redeploy of an image that exists only on the host says so before it starts", async ({
  page,
  fleet,
}) => {
  const name = await fleet.run("charlie", "rbk-local", [], serve);
  await page.goto(`/containers/charlie/${name}`);
  await page.getByTestId("action-redeploy").click();
  const dialog = page.getByRole("dialog", { name: `Redeploy ${name}?` });
  await expect(dialog.getByTestId("redeploy-image-problem")).toContainText(
    "localhost/busybox:1 exists only on this host: no registry serves it",
  );
  await expect(dialog.getByTestId("confirm-action")).toBeDisabled();
});
