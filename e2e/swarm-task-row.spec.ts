import {
  createService,
  FOREVER,
  removeTestServices,
  SWARM_IMAGE,
  waitForReplicas,
} from "../tests/support/swarm";
import { expect, test, uniqueTag } from "./fixtures";

test.afterAll(() => removeTestServices());

test("a swarm task's container offers no restart, and says to act on its service", async ({ page }) => {
  const name = `asw-${uniqueTag("task")}`;
  await createService(name, ["--constraint", "node.role==manager"], SWARM_IMAGE, FOREVER);
  await waitForReplicas(name, "1/1");
  const why = new RegExp(`on sierra belongs to swarm service ${name}: act on the service$`);

  await page.goto(`/?q=${name}`);
  const row = page.locator(`[data-testid=container-row][data-host=sierra][data-name^="${name}."]`).first();
  await expect(row.getByTestId("service-link")).toHaveText(`service ${name}`);
  await expect(row.getByTestId("row-restart")).toBeDisabled();
  await expect(row.getByTestId("row-restart")).toHaveAttribute("title", why);
  await expect(row.getByRole("checkbox")).toBeDisabled();

  await row.getByRole("link", { name: new RegExp(`^${name}\\.`) }).click();
  for (const action of ["start", "stop", "restart", "redeploy", "rollback"]) {
    await expect(page.getByTestId(`action-${action}`)).toBeDisabled();
    await expect(page.getByTestId(`action-${action}`)).toHaveAttribute("title", why);
  }
});
