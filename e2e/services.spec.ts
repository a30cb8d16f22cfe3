import {
  createService,
  FOREVER,
  removeTestServices,
  SWARM_IMAGE,
  waitForReplicas,
} from "../tests/support/swarm";
import { expect, test, uniqueTag } from "./fixtures";

test.afterAll(() => removeTestServices());

test("the services page shows an update converging, live, without a reload", async ({ page, fleet }) => {
  const name = `e2e-${uniqueTag("svc")}`;
  await createService(name, ["--replicas", "2", "--replicas-max-per-node", "1"], SWARM_IMAGE, FOREVER);
  await waitForReplicas(name, "2/2");

  await page.goto(`/services?service=${name}`);
  const card = page.locator(`[data-testid=service-card][data-service="${name}"]`);
  await expect(card).toHaveAttribute("data-running", "2");
  await expect(card.getByTestId("replica-count")).toHaveText("2/2");
  await expect(card.getByTestId("task-row").first()).toBeVisible();
  // A reload would lose this mark: the changes below must arrive through the event stream.
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));

  // One task at a time with a pause between: the update is visibly under way for several seconds.
  await fleet.docker("sierra", [
    "service",
    "update",
    "--detach",
    "--force",
    "--update-parallelism",
    "1",
    "--update-delay",
    "5s",
    name,
  ]);
  await expect(card).toHaveAttribute("data-update-state", "updating");
  await expect(card).toHaveAttribute("data-converging", "1");
  await expect(card).toHaveAttribute("data-update-state", "completed", { timeout: 120_000 });
  await expect(card).toHaveAttribute("data-running", "2");
  await expect(
    card
      .getByTestId("task-row")
      .filter({ has: page.locator("text=shutdown") })
      .first(),
  ).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);

  // The fleet row of a task container links to its service.
  await page.goto(`/?q=${name}`);
  await expect(page.getByTestId("service-link").first()).toHaveText(`service ${name}`);
});
