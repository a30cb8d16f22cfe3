import { expect, test } from "./fixtures";

const forever = "trap 'exit 0' TERM; while :; do sleep 1; done";

test("a labelled container's page shows auto-heal's next try, then the try on its incident, live", async ({
  page,
  fleet,
}) => {
  test.setTimeout(90_000);
  // Fails its health check on its first run only; the e2e server waits the default 10 s before trying.
  const name = await fleet.run(
    "alpha",
    "autoheal",
    [
      "--label",
      "wharf.autoheal=true",
      "--health-cmd",
      "test -f /tmp/ok",
      "--health-interval",
      "500ms",
      "--health-retries",
      "1",
    ],
    ["sh", "-c", `[ -f /ran-once ] && touch /tmp/ok; touch /ran-once; ${forever}`],
  );
  await page.goto(`/containers/alpha/${name}`);
  const status = page.getByTestId("autoheal-status");
  await expect(status).toHaveAttribute("data-state", "waiting");
  await expect(status).toContainText("label wharf.autoheal=true");
  await expect(status).toContainText("will restart it at");

  await expect(status).toHaveAttribute("data-state", "watching", { timeout: 30_000 });
  await expect(status).toContainText("1 of 5 tries in the last 30 minutes");
  const incidents = page.getByRole("region", { name: "Incidents" });
  await expect(incidents.getByTestId("incident-note")).toContainText(
    "Auto-heal restarted the container (failing health check), try 1 of 5",
  );
});

test("an unlabelled container's page says auto-heal is off", async ({ page, fleet }) => {
  const name = await fleet.run("alpha", "no-autoheal", [], ["sh", "-c", forever]);
  await page.goto(`/containers/alpha/${name}`);
  const status = page.getByTestId("autoheal-status");
  await expect(status).toHaveAttribute("data-state", "off");
  await expect(status).toContainText("not opted in");
});

test("an operator turns auto-heal on for a container's compose project, and off again, from its page", async ({
  page,
  fleet,
}) => {
  const project = `e2e-heal-${Date.now().toString(36)}`;
  const name = await fleet.run(
    "alpha",
    "policy",
    ["--label", `com.docker.compose.project=${project}`, "--label", "com.docker.compose.service=web"],
    ["sh", "-c", forever],
  );
  await page.goto(`/containers/alpha/${name}`);
  const status = page.getByTestId("autoheal-status");
  await expect(status).toHaveAttribute("data-state", "off");
  await status.getByTestId("autoheal-on-project").click();
  await expect(status).toHaveAttribute("data-state", "watching");
  await expect(status).toContainText(`policy for compose project ${project} on host alpha`);

  await status.getByTestId("autoheal-off").click();
  await expect(status).toHaveAttribute("data-state", "off");
  const audit = await page.request.get("/api/audit?limit=20");
  const actions = ((await audit.json()) as { entries: { action: string; target: string }[] }).entries;
  expect(actions.filter((e) => e.target.includes(project)).map((e) => e.action)).toEqual([
    "autoheal-policy-deleted",
    "autoheal-policy-set",
  ]);
});
