import { buildAndPush, REGISTRY } from "../tests/support/images";
import { expect, test } from "./fixtures";

const serve = ["sh", "-c", "trap 'exit 0' TERM; while :; do echo serving; sleep 1; done"];

test("a redeploy shows its steps as a checklist, each ticked off with its time", async ({ page, fleet }) => {
  test.setTimeout(120_000);
  const ref = `${REGISTRY}/e2e-steps-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}:latest`;
  await buildAndPush("alpha", ref, { version: "v1" });
  const name = await fleet.run("alpha", "steps", [], serve, ref);
  // Built on another engine, so alpha has layers to download.
  await buildAndPush("bravo", ref, { version: "v2" });

  await page.goto(`/containers/alpha/${name}`);
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live");
  // Every state each step went through, seen by an observer (the pull can be over within a frame).
  await page.evaluate(() => {
    const seen: Record<string, string[]> = {};
    (window as unknown as { __steps: typeof seen }).__steps = seen;
    new MutationObserver(() => {
      for (const step of document.querySelectorAll("[data-testid=checklist-step]")) {
        const id = step.getAttribute("data-step")!;
        const state = step.getAttribute("data-state")!;
        const list = (seen[id] ??= []);
        if (list.at(-1) !== state) list.push(state);
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });

  await page.getByTestId("action-redeploy").click();
  await page
    .getByRole("dialog", { name: `Redeploy ${name}?` })
    .getByTestId("confirm-action")
    .click();

  const checklist = page.getByTestId("action-checklist");
  await expect(checklist).toBeVisible();
  // The grace period (5 s by default) counts down while the new container must hold.
  await expect(checklist.getByTestId("grace-left")).toContainText("of grace left");
  await expect(page.locator("[data-testid=toast][data-outcome=succeeded]")).toContainText(
    `Redeploy of ${name} succeeded`,
  );
  await expect(checklist).toHaveAttribute("data-done", "1");
  const steps = checklist.getByTestId("checklist-step");
  await expect(steps).toHaveCount(6);
  expect(await steps.evaluateAll((items) => items.map((item) => item.getAttribute("data-step")))).toEqual([
    "pull",
    "create",
    "stop-old",
    "start-new",
    "check",
    "remove-old",
  ]);
  for (const step of await steps.all()) {
    await expect(step).toHaveAttribute("data-state", "done");
    await expect(step.getByTestId("step-elapsed")).toHaveText(/^\d+(\.\d)? s|^\d+ min$/);
  }
  await expect(checklist.getByTestId("action-elapsed")).toContainText("Took");
  const seen = await page.evaluate(
    () => (window as unknown as { __steps: Record<string, string[]> }).__steps,
  );
  // Each step was shown running before it was ticked off.
  expect(seen.check, JSON.stringify(seen)).toEqual(expect.arrayContaining(["running", "done"]));
  expect(seen["remove-old"], JSON.stringify(seen)).toContain("done");
});

test("a restart from the table shows restarting… on the row until it is done", async ({ page, fleet }) => {
  // It ignores its stop signal, so the restart takes the whole stop timeout: long enough to be seen.
  const name = await fleet.run(
    "charlie",
    "restarting",
    ["--stop-timeout", "4"],
    ["sh", "-c", "trap '' TERM; while :; do sleep 1; done"],
  );
  await page.goto(`/?q=${name}`);
  const row = page.locator(`[data-testid=container-row][data-name="${name}"]`);
  await expect(row).toHaveAttribute("data-state", "running");
  await row.getByRole("button", { name: `Restart ${name}` }).click();
  await page
    .getByRole("dialog", { name: `Restart ${name}?` })
    .getByTestId("confirm-action")
    .click();

  await expect(row.getByTestId("row-busy")).toHaveText("restarting…");
  await expect(row).toHaveAttribute("data-busy", "1");
  await expect(page.locator("[data-testid=toast][data-outcome=succeeded]")).toContainText(
    `Restart of ${name} succeeded`,
    { timeout: 30_000 },
  );
  await expect(row.getByTestId("row-busy")).toHaveCount(0);
  await expect(row.getByTestId("state-label")).toHaveText("running");
});
