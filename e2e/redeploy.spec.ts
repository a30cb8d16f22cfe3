import type { Page } from "@playwright/test";
import { buildAndPush, REGISTRY } from "../tests/support/images";
import { expect, test, uniqueTag } from "./fixtures";

const serve = ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"];

/**
 * Records every phase line the page shows: some last too short to catch with a polling assertion, not with an
 * observer.
 */
async function recordPhases(page: Page): Promise<() => Promise<{ phases: string[] }>> {
  await page.evaluate(() => {
    const log = { phases: [] as string[] };
    (window as unknown as { __phases: typeof log }).__phases = log;
    new MutationObserver(() => {
      const phase = document.querySelector("[data-testid=action-phase]")?.textContent;
      if (phase && log.phases.at(-1) !== phase) log.phases.push(phase);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { __phases: { phases: string[] } }).__phases);
}

test("a redeploy from the container page shows its progress, its outcome, the history row and the new image", async ({
  page,
  fleet,
}) => {
  const ref = `${REGISTRY}/e2e-app-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}:latest`;
  const v1 = await buildAndPush("alpha", ref, { version: "v1" });
  const name = await fleet.run("alpha", "redeploy", [], serve, ref);
  // v2 is built and pushed from another engine, so alpha really has to download it (and report progress).
  const v2 = await buildAndPush("bravo", ref, { version: "v2" });

  await page.goto(`/containers/alpha/${name}`);
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live");
  await expect(page.getByText(v1.id)).toBeVisible();
  const phases = await recordPhases(page);

  await page.getByTestId("action-redeploy").click();
  const dialog = page.getByRole("dialog", { name: `Redeploy ${name}?` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await expect(dialog.getByTestId("force-recreate")).not.toBeChecked();
  await dialog.getByTestId("confirm-action").click();

  // The new container must hold for 5 s: long enough to see the action running.
  await expect(page.getByTestId("action-phase")).toBeVisible();
  await expect(page.getByTestId("action-restart")).toBeDisabled();

  const toast = page.locator("[data-testid=toast][data-outcome=succeeded]");
  await expect(toast).toContainText(`Redeploy of ${name} succeeded`);
  await expect(toast).toContainText(`${name} on alpha now runs ${ref}`);
  await expect(page.getByTestId("action-restart")).toBeEnabled();

  const history = page.getByRole("region", { name: "History" });
  await expect(
    history.locator("[data-testid=history-row][data-action=redeploy][data-outcome=succeeded]"),
  ).toHaveCount(1);
  await expect(page.getByText(v2.id)).toBeVisible();
  await expect(page.getByText(v1.id)).toHaveCount(0);

  // A pull from the loopback registry can begin and end between two frames, so its phase line may never be
  // painted: the checklist, which keeps every step, says it happened.
  const seen = await phases();
  expect(seen.phases, seen.phases.join(" → ")).toContain("checking it holds");
  const pull = page.locator("[data-testid=action-checklist] [data-testid=checklist-step][data-step=pull]");
  await expect(pull).toHaveAttribute("data-state", "done");

  // The UI marks its requests, so the history tells a click from a script.
  const response = await page.request.get(`/api/history?container=${name}&action=redeploy`);
  const { entries } = (await response.json()) as { entries: { source: string; imageIdAfter: string }[] };
  expect(entries[0]).toMatchObject({ source: "ui", imageIdAfter: v2.id });
});

test("a row's restart button restarts the container after a confirmation", async ({ page, fleet }) => {
  const name = await fleet.run("bravo", "row-restart", [], serve);
  const startedBefore = await fleet.docker("bravo", ["inspect", "--format", "{{.State.StartedAt}}", name]);

  await page.goto("/");
  await page.getByRole("searchbox", { name: "Filter containers" }).fill(name);
  const row = page.locator(`[data-testid=container-row][data-name="${name}"]`);
  await expect(row).toHaveAttribute("data-state", "running");

  await row.getByRole("button", { name: `Restart ${name}` }).click();
  await page
    .getByRole("dialog", { name: `Restart ${name}?` })
    .getByTestId("confirm-action")
    .click();

  await expect(page.locator("[data-testid=toast][data-outcome=succeeded]")).toContainText(
    `Restart of ${name} succeeded`,
  );
  await expect(row.getByTestId("row-restart")).toBeEnabled();
  await expect(row).toHaveAttribute("data-state", "running");
  expect(await fleet.docker("bravo", ["inspect", "--format", "{{.State.StartedAt}}", name])).not.toBe(
    startedBefore,
  );
});

test("an action that fails says why in a red toast", async ({ page, fleet }) => {
  const repo = `${REGISTRY}/e2e-rbk-fail-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  await buildAndPush("charlie", `${repo}:v1`, { version: "v1" });
  const name = await fleet.run("charlie", "rbk-failing", [], serve, `${repo}:v1`);
  await page.goto(`/containers/charlie/${name}`);
  await page.getByTestId("action-redeploy").click();
  const dialog = page.getByRole("dialog", { name: `Redeploy ${name}?` });
  // A tag that was never pushed: the pull fails.
  await dialog.getByTestId("redeploy-image").fill(`${repo}:missing`);
  await dialog.getByTestId("confirm-action").click();

  const toast = page.locator("[data-testid=toast][data-outcome=failed]");
  await expect(toast).toContainText(`Redeploy of ${name} failed`);
  await expect(toast).toContainText(`Pulling ${repo}:missing on host "charlie" failed`);
  await expect(page.getByTestId("action-redeploy")).toBeEnabled();
});

test("a request refused because another action runs (409) shows the server's message", async ({
  page,
  fleet,
}) => {
  // It ignores its stop signal, so a stop takes its whole stop timeout: an action that runs for a while.
  const name = await fleet.run(
    "alpha",
    "busy",
    ["--stop-timeout", "8"],
    ["sh", "-c", "trap '' TERM; while :; do sleep 1; done"],
  );
  // Without the event stream the page cannot know another action runs, so its buttons stay enabled.
  await page.route("**/api/events", (route) => route.abort());
  await page.goto(`/containers/alpha/${name}`);
  await expect(page.getByTestId("action-restart")).toBeEnabled();

  // A request made outside the page carries no Origin by itself; Wharf refuses cookie changes without one.
  const stop = page.request.post(`/api/containers/alpha/${name}/stop`, {
    data: {},
    headers: { origin: new URL(page.url()).origin },
  });
  await expect
    .poll(
      async () =>
        (
          (await (await page.request.get(`/api/history?container=${name}&outcome=running`)).json()) as {
            entries: unknown[];
          }
        ).entries.length,
    )
    .toBe(1);
  await page.getByTestId("action-restart").click();
  await page
    .getByRole("dialog", { name: `Restart ${name}?` })
    .getByTestId("confirm-action")
    .click();

  const toast = page.locator("[data-testid=toast][data-outcome=error]");
  await expect(toast).toContainText(`Cannot restart ${name}`);
  await expect(toast).toContainText(`A stop is already running on container "${name}"`);
  expect((await stop).status()).toBe(200);
});

test("selected rows are restarted together", async ({ page, fleet }) => {
  const tag = uniqueTag("bulk");
  const first = await fleet.run("alpha", `${tag}-a`, [], ["sh", "-c", "exit 3"]);
  const second = await fleet.run("charlie", `${tag}-b`, [], ["sh", "-c", "exit 4"]);
  await fleet.until("alpha", first, "to exit", (state) => state.Status === "exited");
  await fleet.until("charlie", second, "to exit", (state) => state.Status === "exited");

  await page.goto("/");
  await page.getByRole("searchbox", { name: "Filter containers" }).fill(`e2e-${tag}`);
  await expect(page.getByTestId("container-row")).toHaveCount(2);
  await page.getByRole("checkbox", { name: `Select ${first}` }).check();
  await page.getByRole("checkbox", { name: `Select ${second}` }).check();
  await page.getByTestId("restart-selected").click();
  const dialog = page.getByRole("dialog", { name: "Restart 2 containers?" });
  await expect(dialog).toContainText(first);
  await dialog.getByTestId("confirm-action").click();

  await expect(page.locator("[data-testid=toast][data-outcome=succeeded]")).toContainText(
    "Restarted 2 containers",
  );
  await expect(page.getByTestId("bulk-actions")).toHaveCount(0);
  const history = await page.request.get(`/api/history?container=${first}&action=restart`);
  expect(
    ((await history.json()) as { entries: { source: string; outcome: string }[] }).entries[0],
  ).toMatchObject({
    source: "ui",
    outcome: "succeeded",
  });
});

test("a redeploy onto another tag that rolls back (an error status) still shows the rolled-back outcome", async ({
  page,
  fleet,
}) => {
  const repo = `${REGISTRY}/e2e-tag-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  await buildAndPush("alpha", `${repo}:v1`, { version: "v1" });
  await buildAndPush("alpha", `${repo}:broken`, { version: "broken", cmd: ["sh", "-c", "exit 1"] });
  const name = await fleet.run("alpha", "tag", [], serve, `${repo}:v1`);

  await page.goto(`/containers/alpha/${name}`);
  await page.getByTestId("action-redeploy").click();
  const dialog = page.getByRole("dialog", { name: `Redeploy ${name}?` });
  // The admin may name any image; a reference that is not one cannot be sent.
  await dialog.getByTestId("redeploy-image").fill("Not A Ref");
  await expect(dialog.getByTestId("redeploy-image-problem")).toContainText("is not a valid image reference");
  await expect(dialog.getByTestId("confirm-action")).toBeDisabled();
  await dialog.getByTestId("redeploy-image").fill(`${repo}:broken`);
  await dialog.getByTestId("confirm-action").click();

  const toast = page.locator("[data-testid=toast][data-outcome=rolled-back]");
  await expect(toast).toContainText(`Redeploy of ${name} rolled back`);
  await expect(toast).toContainText("exit code 1");
  expect(await fleet.docker("alpha", ["inspect", "--format", "{{.Config.Image}}", name])).toBe(`${repo}:v1`);
});
