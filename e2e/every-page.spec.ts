import type { Page } from "@playwright/test";
import { expect, test, uniqueTag } from "./fixtures";

const serve = ["sh", "-c", "trap 'exit 0' TERM; while :; do echo tick; sleep 1; done"];

/** Collects what a person with the console open would see go wrong on a page. */
function watchForErrors(page: Page, problems: string[]): void {
  page.on("pageerror", (error) => problems.push(`${page.url()}: ${error.message}`));
  page.on(
    "console",
    (message) => message.type() === "error" && problems.push(`${page.url()}: ${message.text()}`),
  );
}

/**
 * A CPU as slow as a busy machine's: Suspense boundaries then hydrate after the stream's snapshot is in the
 * query cache, where anything rendered from it that the server did not render shows (React error 418).
 */
async function slowCpu(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
}

test("every page, on a CPU slowed 4×, takes over the server's HTML with no page or console error", async ({
  page,
  fleet,
  browser,
}) => {
  test.setTimeout(180_000);
  // An open incident (a crash), a compose project with a log, and a restart loop that keeps live updates coming:
  // what the stream brings to the incidents, insights, inventory and fleet pages before they have hydrated.
  const tag = uniqueTag("sui-pages");
  const project = `psui${tag.replace(/[^a-z0-9]/g, "")}`;
  const compose = [
    "--label",
    `com.docker.compose.project=${project}`,
    "--label",
    "com.docker.compose.service=web",
  ];
  const web = await fleet.run("alpha", `${tag}-web`, compose, serve);
  const crashed = await fleet.run("alpha", `${tag}-crash`, [], ["sh", "-c", "echo failing >&2; exit 3"]);
  await fleet.run("bravo", `${tag}-loop`, ["--restart", "always"], ["sh", "-c", "sleep 1; exit 4"]);
  await fleet.until("alpha", crashed, "to exit", (state) => state.Status === "exited");
  const problems: string[] = [];
  watchForErrors(page, problems);
  await slowCpu(page);

  // Each with something shown only once the part of the page holding it has hydrated (or has been thrown away
  // and rendered again).
  const pages: [path: string, hydrated: string][] = [
    ["/", "[data-testid=shown-count]"],
    [`/?attention=1&q=e2e-${tag}`, `[data-testid=container-row][data-name="${crashed}"]`],
    ["/?view=wall", "[data-testid=wall-tile][data-host=alpha]"],
    [`/incidents`, `[data-testid=incident-card]:has-text("${crashed}")`],
    [`/incidents?host=alpha&container=${crashed}`, `[data-testid=incident-card]:has-text("${crashed}")`],
    ["/insights", "[data-testid=figure-frequency]"],
    ["/history", '[data-testid=history-count], main :text("No actions recorded yet")'],
    ["/inventory", `[data-testid=inventory-row][data-name="${project}/web"]`],
    ["/settings", "[data-testid=user-row]"],
    [`/containers/alpha/${crashed}`, "[data-testid=log-line]"],
    [`/containers/alpha/${web}`, "[data-testid=log-line]"],
    [`/projects/${project}/logs`, "[data-testid=project-log-line]"],
    ["/services", "h1"],
    ["/hosts/alpha/images", "[data-testid=image-row]"],
  ];
  for (const [path, hydrated] of pages) {
    await page.goto(path);
    await expect(page.locator(hydrated).first(), path).toBeVisible();
    await page.waitForLoadState("load");
    await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live");
  }

  // The sign-in page, as someone not signed in sees it.
  const context = await browser.newContext();
  const visitor = await context.newPage();
  watchForErrors(visitor, problems);
  await slowCpu(visitor);
  await visitor.goto("/login");
  await expect(visitor.getByRole("button", { name: /sign in/i })).toBeVisible();
  await visitor.waitForLoadState("load");
  await context.close();

  expect(problems).toEqual([]);
});
