import { expect, test, uniqueTag } from "./fixtures";

test("an incident ended by `docker rm` says so on its card, not that the container recovered", async ({
  page,
  fleet,
}) => {
  const tag = uniqueTag("inc-end");
  const name = await fleet.run("charlie", `${tag}-crash`, [], ["sh", "-c", "echo gone >&2; exit 3"]);
  await page.goto(`/incidents?host=charlie&container=${name}`);
  const card = page.locator(`[data-testid=incident-card][data-container="${name}"]`);
  await expect(card).toHaveAttribute("data-open", "1");

  await fleet.docker("charlie", ["rm", name]);
  const ended = page.getByRole("region", { name: "Ended incidents" }).locator(`[data-container="${name}"]`);
  await expect(ended).toHaveAttribute("data-end-reason", "removed", { timeout: 20_000 });
  // One time format (absolute UTC, how long ago beside it on the card).
  await expect(ended.getByTestId("incident-ended")).toHaveText(
    /^removed, \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/,
  );
});
