import { buildAndPush, REGISTRY } from "../tests/support/images";
import { waitFor } from "../tests/support/fleet";
import { createService, removeTestServices, waitForReplicas } from "../tests/support/swarm";
import { expect, test, uniqueTag } from "./fixtures";

test.afterAll(() => removeTestServices());

// The new image's tasks run until told to fail (SIGUSR1): the failure comes once the redeploy has settled.
const FAILS_ON_USR1 = [
  "sh",
  "-c",
  "trap 'exit 0' TERM; trap 'echo svd broken >&2; exit 3' USR1; while :; do sleep 1; done",
];

test("a service's incident after a redeploy names it, links from its history row, and rolls it back", async ({
  page,
  fleet,
}) => {
  test.setTimeout(300_000);
  const ref = `${REGISTRY}/e2e-svd-svcdeploy-${Date.now().toString(36)}:live`;
  const v1 = await buildAndPush("sierra", ref, { version: "1" });
  const name = `e2e-${uniqueTag("svd-dep")}`;
  await createService(name, ["--replicas", "1", "--restart-delay", "1s"], ref);
  await waitForReplicas(name, "1/1");
  const v2 = await buildAndPush("sierra", ref, { version: "2", cmd: FAILS_ON_USR1 });

  await page.goto(`/incidents?host=sierra&container=${name}`);
  const redeploy = await page.request.post(`/api/services/sierra/${name}/redeploy`, {
    data: {},
    headers: { origin: new URL(page.url()).origin },
  });
  expect(redeploy.status()).toBe(200);
  await waitForReplicas(name, "1/1");
  const task = await waitFor(`${name}'s running task container`, async () => {
    for (const engine of ["sierra", "tango"] as const) {
      const id = (
        await fleet.docker(engine, ["ps", "-q", "--filter", `label=com.docker.swarm.service.name=${name}`])
      ).trim();
      if (id && !id.includes("\n")) return { engine, id };
    }
    return false;
  });
  await fleet.docker(task.engine, ["kill", "--signal", "USR1", task.id]);

  // The card arrives live, with the deploy before it: from → to digest and spec version.
  const card = page
    .locator(`[data-testid=incident-card][data-container="${name}"]`)
    .filter({ has: page.getByTestId("incident-deploy") })
    .first();
  const deploy = card.getByTestId("incident-deploy");
  await expect(deploy).toContainText("after a redeploy by admin", { timeout: 120_000 });
  const change = deploy.getByTestId("incident-deploy-change");
  await expect(change).toContainText(`${ref} ${v1.digest.slice(7, 19)}spec `);
  await expect(change).toContainText(`${ref} ${v2.digest.slice(7, 19)}spec `);

  // The redeploy's row on the services page links to the incident.
  await page.goto(`/services?service=${name}`);
  const row = page.locator("[data-testid=service-history-row]").filter({ hasText: "redeploy" });
  const link = row.getByTestId("service-history-incident").first();
  await expect(link).toHaveText(/^incident #\d+$/);
  await link.click();
  await expect(page).toHaveURL(/\/incidents\?host=sierra&container=.*#incident-\d+$/);

  // An operator rolls it back from the card: the swarm's rollback, after which there is nothing left to undo.
  await card.getByTestId("rollback-deploy").click();
  await page.getByRole("dialog").getByRole("button", { name: "Roll back" }).click();
  // Its result goes with the button: once settled the deploy is no longer the service's last change.
  await expect(card.getByTestId("rollback-deploy")).toHaveCount(0, { timeout: 120_000 });
  await expect(deploy).toContainText("after a redeploy by admin");
  const image = await fleet.docker("sierra", [
    "service",
    "inspect",
    "--format",
    "{{.Spec.TaskTemplate.ContainerSpec.Image}}",
    name,
  ]);
  expect(image).toContain(v1.digest);
});
