import type { Locator, Page } from "@playwright/test";
import { buildOciImage, uniqueRepo, type OciImage } from "../tests/support/oci-images";
import { expect, test, uniqueTag } from "./fixtures";

// Set to a folder to keep pictures of the card and the row (the lead's review); nothing is written otherwise.
const SHOTS = process.env.WHARF_SHOTS;
const shoot = async (locator: Locator, name: string) => {
  if (SHOTS) await locator.screenshot({ path: `${SHOTS}/${name}.png` });
};

async function images(): Promise<{ v1: OciImage; v2: OciImage }> {
  const repo = uniqueRepo("hst-e2e");
  const created = new Date(Date.now() - 3_600_000).toISOString();
  // The default command runs until `touch /tmp/crash` makes it exit 3: a crash at a moment the test chooses.
  const v1 = await buildOciImage("alpha", repo, "v1", {
    version: "1.4.0",
    revision: "a".repeat(40),
    created,
  });
  const v2 = await buildOciImage("alpha", repo, "v2", {
    version: "1.5.0",
    revision: "b".repeat(40),
    created,
  });
  return { v1, v2 };
}

async function redeploy(page: Page, name: string, image: string) {
  const response = await page.request.post(`/api/containers/alpha/${name}/redeploy`, {
    data: { graceSeconds: 1, image },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(response.status()).toBe(200);
}

test("an incident right after a deploy names it and rolls it back; the deploy's row links the incident", async ({
  page,
  fleet,
}) => {
  const tag = uniqueTag("hst-dep");
  const { v1, v2 } = await images();
  const name = await fleet.run("alpha", tag, [], [], v1.ref);
  await page.goto(`/incidents?host=alpha&container=${name}`);
  await redeploy(page, name, v2.ref);
  await fleet.exec("alpha", name, ["touch", "/tmp/crash"]);

  // The card arrives live (event stream), with the deploy that came just before it.
  const card = page.locator(`[data-testid=incident-card][data-container="${name}"]`);
  const deploy = card.getByTestId("incident-deploy");
  await expect(deploy).toContainText("after a redeploy by admin");
  const change = deploy.getByTestId("incident-deploy-change");
  await expect(change).toContainText(`${v1.ref} ${v1.digest.slice(7, 19)}1.4.0`);
  await expect(change).toContainText(`${v2.ref} ${v2.digest.slice(7, 19)}1.5.0`);
  await shoot(card, "hst-incident-card-deploy");

  // The deploy's history row: from → to, and a link to the incident.
  await page.goto(`/history?container=${name}`);
  const row = page.locator("[data-testid=history-row][data-action=redeploy]");
  // The cell keeps each reference's name and tag (the registry is in its tooltip).
  const short = (ref: string) => `…/${ref.slice(ref.lastIndexOf("/") + 1)}`;
  await expect(row.getByTestId("image-from")).toContainText(short(v1.ref));
  await expect(row.getByTestId("image-from").getByTestId("image-version")).toHaveText("1.4.0");
  await expect(row.getByTestId("image-to")).toContainText(short(v2.ref));
  await expect(row.getByTestId("image-to").getByTestId("image-version")).toHaveText("1.5.0");
  await expect(row).toContainText(`${v1.digest.slice(7, 19)} → ${v2.digest.slice(7, 19)}`);
  const link = row.getByTestId("history-incidents").getByRole("link");
  await expect(link).toHaveText(/^incident #\d+$/);
  if (SHOTS) {
    // The whole row in one picture: the table scrolls sideways inside the page's width otherwise.
    await page.setViewportSize({ width: 2000, height: 720 });
    await page.addStyleTag({ content: "* { max-width: none !important; overflow: visible !important; }" });
  }
  await shoot(page.locator("table"), "hst-history-row-incident");
  await link.click();
  await expect(page).toHaveURL(/\/incidents\?host=alpha&container=.*#incident-\d+$/);

  // An operator rolls the deploy back from the card: the container's own rollback, confirmed first.
  await card.getByTestId("rollback-deploy").click();
  await page.getByRole("dialog").getByRole("button", { name: "Roll back" }).click();
  // Once it has, the deploy is no longer the container's last: the card still names it, with nothing to undo.
  await expect(card.getByTestId("rollback-deploy")).toHaveCount(0);
  await expect(deploy).toContainText("after a redeploy by admin");
  const image = await fleet.docker("alpha", ["inspect", "--format", "{{.Image}}", name]);
  expect(image.trim()).toBe(v1.id);

  await page.goto(`/history?container=${name}&deploys=only`);
  const rollback = page.locator("[data-testid=history-row][data-action=rollback][data-outcome=succeeded]");
  await expect(rollback).toContainText(`${v2.digest.slice(7, 19)} → ${v1.digest.slice(7, 19)}`);
  await expect(rollback.getByTestId("image-to").getByTestId("image-version")).toHaveText("1.4.0");
});

test("the history opens on the deploys, not under removes made outside Wharf; presets set the dates", async ({
  page,
  fleet,
}) => {
  const tag = uniqueTag("hst-hv");
  const { v1, v2 } = await images();
  const name = await fleet.run("alpha", tag, [], [], v1.ref);
  await page.goto(`/history?container=${name}`);
  // Removed with the CLI (as a CI host does all day), run again under its name, then redeployed by Wharf.
  await fleet.docker("alpha", ["rm", "-f", name]);
  const actions = async () => {
    const answer = await page.request.get(`/api/history?host=alpha&container=${name}`);
    return ((await answer.json()) as { entries: { action: string }[] }).entries.map((e) => e.action);
  };
  await expect.poll(actions).toEqual(["remove"]);
  await fleet.docker("alpha", ["run", "-d", "--name", name, "--network", "none", v1.ref]);
  await redeploy(page, name, v2.ref);
  // The removal is recorded (the API keeps every row) …
  expect(await actions()).toEqual(["redeploy", "remove"]);
  // … but the page's default view leaves it out, with a switch to show it.
  await page.reload();
  const rows = page.locator("[data-testid=history-row]");
  await expect(rows).toHaveCount(1);
  await expect(rows).toHaveAttribute("data-action", "redeploy");
  await page.getByLabel("Removes outside Wharf").check();
  await expect(page).toHaveURL(/externalRemoves=show/);
  await expect(page.locator("[data-testid=history-row][data-action=remove]")).toHaveCount(1);
  await expect(rows).toHaveCount(2);

  await page.getByLabel("Deploys only").check();
  await expect(page).toHaveURL(/deploys=only/);
  await expect(rows).toHaveCount(1);
  await expect(rows).toHaveAttribute("data-action", "redeploy");

  await page.getByRole("group", { name: "Period" }).getByRole("button", { name: "7 d" }).click();
  const weekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
  await expect(page).toHaveURL(new RegExp(`from=${weekAgo}T`));
  await expect(page.getByLabel("From (UTC)")).toHaveValue(weekAgo);
  await expect(rows).toHaveCount(1);
});
