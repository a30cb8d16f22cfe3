// Reading Wharf: one time format on every page, a wall whose names fit, and phones that get cards, not tables.
import type { Locator, Page } from "@playwright/test";
import { expect, test, uniqueTag } from "./fixtures";

const serve = ["sh", "-c", "trap 'exit 0' TERM; while :; do echo tick; sleep 1; done"];
const UTC = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/;

/** Every moment a page shows outside a log: its text, and the hint beside it (what a hover shows). */
async function moments(page: Page): Promise<{ text: string; title: string }[]> {
  return page
    .locator("main time")
    .evaluateAll((elements) =>
      elements
        .filter((element) => !element.closest("[role=log]"))
        .map((element) => ({ text: element.textContent ?? "", title: element.getAttribute("title") ?? "" })),
    );
}

async function withinScreen(locator: Locator, width: number): Promise<void> {
  const count = await locator.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const box = (await locator.nth(i).boundingBox())!;
    expect(box.x, `card ${i} starts on the screen`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `card ${i} ends on the screen`).toBeLessThanOrEqual(width);
  }
}

test("every page writes a moment as UTC, with how long ago as its hint", async ({ page, fleet }) => {
  test.setTimeout(120_000);
  const tag = uniqueTag("sui-time");
  const crashed = await fleet.run("alpha", `${tag}-crash`, [], ["sh", "-c", "echo failing >&2; exit 3"]);
  await fleet.until("alpha", crashed, "to exit", (state) => state.Status === "exited");
  const restarted = await fleet.run("alpha", `${tag}-web`, [], serve);
  const restart = await page.request.post(`/api/containers/alpha/${restarted}/restart`, {
    data: {},
    headers: { origin: new URL(test.info().project.use.baseURL!).origin },
  });
  expect(restart.ok()).toBe(true);

  const pages: [path: string, shown: string][] = [
    [`/incidents?host=alpha&container=${crashed}`, "[data-testid=incident-card]"],
    [`/containers/alpha/${crashed}`, "[data-testid=log-line]"],
    [`/history?container=${restarted}`, "[data-testid=history-row]"],
    ["/settings", "[data-testid=audit-row]"],
  ];
  for (const [path, shown] of pages) {
    await page.goto(path);
    await expect(page.locator(shown).first()).toBeVisible();
    const seen = await moments(page);
    expect(seen.length, `${path} shows moments`).toBeGreaterThan(0);
    for (const moment of seen) {
      expect(moment.text, `${path}: "${moment.text}"`).toMatch(UTC);
      expect(moment.title, `${path}: the hint of "${moment.text}"`).toMatch(/ago|just now|from now/);
    }
  }
  // The fleet's age column keeps "up 9 s"; the moment it counts from is in UTC on hover.
  await page.goto(`/?q=e2e-${tag}`);
  const age = page.locator(`[data-testid=container-row][data-name="${restarted}"]`).getByTestId("age");
  await expect(age).toHaveAttribute("title", /since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
});

test.describe("on a 1440 px screen", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test("the wall shows whole names", async ({ page, fleet }) => {
    const tag = uniqueTag("sui-wall");
    const crashed = await fleet.run(
      "alpha",
      `${tag}-a-rather-long-service-name-that-crashed`,
      [],
      ["sh", "-c", "exit 3"],
    );
    await fleet.until("alpha", crashed, "to exit", (state) => state.Status === "exited");
    await page.goto("/?view=wall");
    const name = page
      .locator(`[data-testid=wall-problem][data-name="${crashed}"]`)
      .getByText(crashed, { exact: true });
    await expect(name).toBeVisible();
    expect(await name.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  });
});

test.describe("on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the wall's tiles fit the screen", async ({ page, fleet }) => {
    const tag = uniqueTag("sui-wallphone");
    const crashed = await fleet.run("alpha", `${tag}-a-long-name-for-a-phone`, [], ["sh", "-c", "exit 3"]);
    await fleet.until("alpha", crashed, "to exit", (state) => state.Status === "exited");
    await page.goto("/?view=wall");
    await expect(page.locator(`[data-testid=wall-problem][data-name="${crashed}"]`)).toBeVisible();
    const wall = page.getByTestId("wall");
    expect(await wall.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    await withinScreen(page.getByTestId("wall-tile"), 390);
  });

  test("history, inventory and settings show cards, not tables to scroll sideways", async ({
    page,
    fleet,
  }) => {
    const tag = uniqueTag("sui-cards");
    const web = await fleet.run("alpha", `${tag}-web`, [], serve);
    const restart = await page.request.post(`/api/containers/alpha/${web}/restart`, {
      data: {},
      headers: { origin: new URL(test.info().project.use.baseURL!).origin },
    });
    expect(restart.ok()).toBe(true);

    const pages: [path: string, card: string][] = [
      [`/history?container=${web}`, "[data-testid=history-row]"],
      ["/inventory", "[data-testid=inventory-row]"],
      ["/settings", "[data-testid=user-row]"],
      ["/settings", "[data-testid=audit-row]"],
    ];
    for (const [path, card] of pages) {
      await page.goto(path);
      await expect(page.locator(card).first()).toBeVisible();
      await withinScreen(page.locator(card), 390);
    }
  });

  test("the restart marker leaves the log's last line readable", async ({ page, fleet }) => {
    const name = await fleet.run(
      "alpha",
      "sui-marker",
      [],
      ["sh", "-c", "echo \"run at $(date +%s%N)\"; trap 'exit 0' TERM; while :; do sleep 1; done"],
    );
    await fleet.docker("alpha", ["restart", "-t", "1", name]);
    await page.goto(`/containers/alpha/${name}`);
    const logs = page.getByRole("region", { name: "Logs" });
    await expect(logs.getByTestId("log-line")).toHaveCount(2);
    // The log sits below the container's facts on a phone: scrolled to, as a person would.
    await logs.getByTestId("restart-marker").scrollIntoViewIfNeeded();
    await expect(logs.getByTestId("restart-marker")).toBeInViewport();
    const marker = (await logs.getByTestId("restart-marker").boundingBox())!;
    const text = (await logs.getByTestId("log-line").last().getByTestId("log-text").boundingBox())!;
    const overlaps =
      marker.x < text.x + text.width &&
      text.x < marker.x + marker.width &&
      marker.y < text.y + text.height &&
      text.y < marker.y + marker.height;
    expect(overlaps, "the marker covers the last line's text").toBe(false);
  });
});
