import { NAV_ITEMS } from "../components/nav/nav-items";
import { expect, test, uniqueTag } from "./fixtures";

const serve = ["sh", "-c", "trap 'exit 0' TERM; while :; do echo tick; sleep 1; done"];

test.use({ viewport: { width: 390, height: 844 } });

test("at 390×844 no page is wider than the screen, and the menu reaches every page", async ({
  page,
  fleet,
}) => {
  test.setTimeout(120_000);
  const tag = uniqueTag("phone");
  const project = `p${tag.replace(/[^a-z0-9]/g, "")}`;
  const compose = [
    "--label",
    `com.docker.compose.project=${project}`,
    "--label",
    "com.docker.compose.service=web",
  ];
  const running = await fleet.run("alpha", `${tag}-web`, compose, serve);
  const crashed = await fleet.run("bravo", `${tag}-crash`, [], ["sh", "-c", "echo boom >&2; exit 3"]);
  await fleet.until("bravo", crashed, "to exit", (state) => state.Status === "exited");

  const pages = [
    ...NAV_ITEMS.map((item) => item.href),
    `/?q=e2e-${tag}`,
    `/?q=e2e-${tag}&group=project`,
    "/?view=wall",
    "/settings",
    `/containers/alpha/${running}`,
    `/containers/bravo/${crashed}`,
    `/projects/${project}/logs`,
  ];
  for (const path of pages) {
    await page.goto(path);
    await expect(page.locator("[data-testid=live-status], [data-testid=wall]").first()).toBeVisible();
    // What the page shows once its data is in: a fleet row, a log line, a heading.
    await page.waitForLoadState("load");
    await expect(page.locator("main")).not.toBeEmpty();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `${path} is ${width} px wide`).toBeLessThanOrEqual(390);
  }

  // Rows are cards: state, why and the restart button, all within the screen.
  await page.goto(`/?q=e2e-${tag}`);
  const card = page.locator(`[data-testid=container-row][data-name="${crashed}"]`);
  await expect(card.getByTestId("card-cause")).toHaveText("exited with code 3");
  await expect(card.getByTestId("state-label")).toHaveText("exited (3)");
  const restart = card.getByRole("button", { name: `Restart ${crashed}` });
  await restart.scrollIntoViewIfNeeded();
  await expect(restart).toBeInViewport({ ratio: 1 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // The header folds into a menu built from the same list of pages.
  const menuButton = page.getByTestId("menu-button");
  await expect(menuButton).toHaveAttribute("aria-expanded", "false");
  await menuButton.click();
  const menu = page.getByTestId("site-menu");
  for (const item of NAV_ITEMS) await expect(menu.getByRole("link", { name: item.label })).toBeVisible();
  await expect(menu.getByTestId("user-menu")).toBeVisible();
  const target = NAV_ITEMS.find((item) => item.href !== "/")!;
  await menu.getByRole("link", { name: target.label }).click();
  await expect(page).toHaveURL(new RegExp(`${target.href}$`));
  // Following a link closes the menu.
  await expect(page.getByTestId("site-menu")).toHaveCount(0);
});
