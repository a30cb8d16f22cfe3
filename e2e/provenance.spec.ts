import type { Page } from "@playwright/test";
import { buildOciImage, uniqueRepo } from "../tests/support/oci-images";
import { expect, test, uniqueTag } from "./fixtures";

const REVISION_1 = "abcdef0123456789abcdef0123456789abcdef01";
const REVISION_2 = "1234567890abcdef1234567890abcdef12345678";
const serve = ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"];
const compose = (project: string) => [
  "--label",
  `com.docker.compose.project=${project}`,
  "--label",
  "com.docker.compose.service=api",
];

async function images() {
  const repo = uniqueRepo("e2e-prov");
  const created = new Date(Date.now() - 3_600_000).toISOString();
  const v1 = await buildOciImage("alpha", repo, "v1", {
    version: "1.0.0",
    revision: REVISION_1,
    created,
    cmd: serve,
  });
  const v2 = await buildOciImage("alpha", repo, "v2", {
    version: "1.1.0",
    revision: REVISION_2,
    created,
    cmd: serve,
  });
  return { repo, v1, v2 };
}

/** Redeploys through the API with the page's session (a cookie change must carry the page's Origin). */
async function redeploy(page: Page, host: string, name: string, image: string) {
  return page.request.post(`/api/containers/${host}/${name}/redeploy`, {
    data: { graceSeconds: 1, image },
    headers: { origin: new URL(page.url()).origin },
  });
}

test("/inventory shows each host's version and revision, and flags drift", async ({ page, fleet }) => {
  const project = uniqueTag("inv");
  const { repo, v1, v2 } = await images();
  const alpha = await fleet.run("alpha", `${project}-api`, compose(project), [], v1.ref);
  await fleet.run("bravo", `${project}-api`, compose(project), [], v2.ref);

  await page.goto("/inventory");
  const row = page.locator(`[data-testid=inventory-row][data-name="${project}/api"]`);
  await expect(row).toHaveAttribute("data-drift", "true");
  await expect(row).toContainText(repo);
  await expect(row.locator("[data-host=alpha]")).toContainText("1.0.0@abcdef0×1");
  await expect(row.locator("[data-host=bravo]")).toContainText("1.1.0@1234567×1");
  await expect(row.locator("[data-host=alpha] a")).toHaveAttribute(
    "href",
    `https://github.com/acme/shop/commit/${REVISION_1}`,
  );
  await expect(page.getByTestId("inventory-export")).toHaveAttribute("href", "/api/inventory.csv");

  // Live: the drift ends when alpha moves to 1.1.0, with no reload.
  expect((await redeploy(page, "alpha", alpha, v2.ref)).status()).toBe(200);
  await expect(row).toHaveAttribute("data-drift", "false");
  await expect(row.locator("[data-host=alpha]")).toContainText("1.1.0@1234567×1");

  // The fleet row and the container page show the same provenance.
  await page.goto(`/?q=${project}`);
  await expect(page.getByTestId("image-version").first()).toHaveText("1.1.0");
  await page.goto(`/containers/alpha/${alpha}`);
  await expect(page.getByTestId("container-provenance")).toContainText("1.1.0");
  await expect(page.getByTestId("container-provenance")).toContainText("@1234567");
  await expect(page.getByTestId("container-provenance")).toContainText("from https://github.com/acme/shop");
});

test("/insights shows the period's figures, its chart and the breakdowns, and filters at once", async ({
  page,
  fleet,
}) => {
  const project = uniqueTag("ins");
  const { v2 } = await images();
  const name = await fleet.run(
    "alpha",
    `${project}-api`,
    compose(project),
    [],
    `${v2.ref.replace(/:v2$/, ":v1")}`,
  );
  await page.goto(`/insights?project=${project}`);
  await expect(page.getByTestId("figure-failure").getByTestId("figure-value")).toHaveText("—");
  expect((await redeploy(page, "alpha", name, v2.ref)).status()).toBe(200);
  expect((await redeploy(page, "alpha", name, `${v2.ref.replace(/:v2$/, ":missing")}`)).status()).toBe(502);

  await page.reload();
  await expect(page.getByTestId("figure-failure").getByTestId("figure-value")).toHaveText("50 %");
  await expect(page.getByTestId("figure-frequency")).toContainText("1 held of 2");
  await expect(page.getByTestId("figure-lead")).toContainText("median of 1");
  await expect(page.getByTestId("figure-lead").getByTestId("figure-value")).toHaveText(/^1(\.0)? h$/);
  await expect(page.getByTestId("deploys-chart")).toBeVisible();
  await expect(page.getByTestId("insights-by-service").locator("tr[data-key=api]")).toContainText("50 %");
  await expect(page.getByTestId("insights-by-host").locator("tr[data-key=alpha]")).toContainText("2");

  // A host chosen applies at once: bravo has no deploys of this project.
  await page.getByLabel("Host", { exact: true }).selectOption("bravo");
  await expect(page).toHaveURL(/host=bravo/);
  await expect(page.getByTestId("figure-failure").getByTestId("figure-value")).toHaveText("—");
  // A whole ISO date applies as typed; a partial one waits.
  const weekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("From (UTC)").fill(weekAgo.slice(0, 9));
  await expect(page).not.toHaveURL(/from=/);
  await page.getByLabel("From (UTC)").fill(weekAgo);
  await expect(page).toHaveURL(new RegExp(`from=${weekAgo}`));
  await expect(page.getByTestId("insights-period")).toContainText(`${weekAgo} to`);
});

test("an expanded history row shows the whole error, the steps with their times, and what a rollback kept", async ({
  page,
  fleet,
}) => {
  const project = uniqueTag("hist");
  const repo = uniqueRepo("e2e-hist");
  const created = new Date().toISOString();
  const good = await buildOciImage("alpha", repo, "good", {
    version: "3.0.0",
    revision: REVISION_1,
    created,
    cmd: serve,
  });
  const bad = await buildOciImage("alpha", repo, "bad", {
    version: "3.1.0",
    revision: REVISION_2,
    created,
    cmd: ["sh", "-c", "exit 4"],
  });
  const name = await fleet.run("alpha", `${project}-api`, compose(project), [], good.ref);
  await page.goto(`/history?container=${name}`);
  expect((await redeploy(page, "alpha", name, bad.ref)).status()).toBe(422);

  await page.reload();
  const row = page.locator("[data-testid=history-row][data-outcome=rolled-back]");
  await expect(row.getByTestId("history-time")).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
  await expect(row.getByTestId("digest-rolled-back")).toContainText(`kept ${good.digest.slice(7, 19)}`);
  // The row goes from the image that stayed to the one it tried.
  await expect(row.getByTestId("image-from").getByTestId("image-version")).toHaveText("3.0.0");
  await expect(row.getByTestId("image-to")).toContainText(`tried…/${bad.ref.split("/").at(-1)}`);
  await expect(row.getByTestId("image-to").getByTestId("image-version")).toHaveText("3.1.0");
  await expect(page.getByTestId("history-row-detail")).toHaveCount(0);

  await row.getByTestId("history-expand").click();
  const detail = page.getByTestId("history-row-detail");
  await expect(detail.getByTestId("history-error")).toContainText(
    "rolled back: the new container stopped (exit code 4)",
  );
  await expect(detail.getByTestId("history-steps")).toContainText("rolling back");
  await expect(detail.getByTestId("history-steps")).toContainText(/\+\d/);
  await expect(detail.getByTestId("history-stayed")).toContainText(`stayed on ${good.digest}`);
  await expect(detail).toContainText(`tried: ${bad.digest}`);
  await row.getByTestId("history-expand").click();
  await expect(page.getByTestId("history-row-detail")).toHaveCount(0);

  // Typing a name filters once the keys pause, with no Apply button.
  await page.goto("/history");
  await page.getByLabel("Container").fill(name);
  await expect(page).toHaveURL(new RegExp(`container=${name}`));
  await expect(page.getByLabel("Container")).toBeFocused();
  await expect(page.locator("[data-testid=history-row]")).toHaveCount(1);
});
