import { expect, test } from "./fixtures";

// Markup a hostile container can put in front of Wharf: labels, environment values, log lines, health output.
// (Docker refuses such characters in container and image names, so those cannot carry it.)
const PAYLOAD = `<img src=x onerror="window.__pwned=1">`;
const SCRIPT = `<script>window.__pwned=2</script>`;

test("markup in labels, env values, logs and health output is shown as text and never runs", async ({
  page,
  fleet,
}) => {
  const pwned = () => page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);
  const name = await fleet.run(
    "bravo",
    "xss",
    [
      "--label",
      `com.docker.compose.project=${PAYLOAD}`,
      "--label",
      `com.docker.compose.service=${SCRIPT}`,
      "--label",
      `note=${PAYLOAD}`,
      "--env",
      `GREETING=${PAYLOAD}`,
      "--health-cmd",
      `echo '${PAYLOAD}'; exit 1`,
      "--health-interval",
      "1s",
      "--health-retries",
      "1",
    ],
    ["sh", "-c", `echo '${PAYLOAD}'; echo '${SCRIPT}' >&2; sleep 3; exit 4`],
  );
  await fleet.until("bravo", name, "to exit", (state) => state.Status === "exited");

  await page.goto(`/?q=${name}`);
  const row = page.locator(`[data-testid=container-row][data-name="${name}"]`);
  await expect(row).toContainText(`${PAYLOAD} / ${SCRIPT}`);
  await expect(page.locator("img[src=x]")).toHaveCount(0);
  expect(await pwned()).toBeUndefined();

  await page.goto(`/containers/bravo/${name}`);
  await expect(page.getByText(`note=${PAYLOAD}`)).toBeVisible();
  await expect(page.getByText(`GREETING=${PAYLOAD}`)).toBeVisible();
  const logs = page.getByRole("region", { name: "Logs" });
  await expect(logs.getByTestId("log-text").filter({ hasText: SCRIPT })).toHaveCount(1);
  await expect(logs.getByTestId("log-text").filter({ hasText: PAYLOAD })).toHaveCount(1);
  await expect(page.locator("img[src=x]")).toHaveCount(0);
  expect(await pwned()).toBeUndefined();

  await page.goto(`/incidents?host=bravo&container=${name}`);
  const card = page.locator(`[data-testid=incident-card][data-container="${name}"]`).first();
  await expect(card.getByTestId("incident-log")).toContainText(SCRIPT);
  await expect(page.locator("img[src=x]")).toHaveCount(0);
  expect(await pwned()).toBeUndefined();

  await page.goto(`/history?container=${name}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await pwned()).toBeUndefined();
});
