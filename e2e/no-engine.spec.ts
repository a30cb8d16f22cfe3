// A first start on a machine with no Docker engine, as a person sees it: its own Wharf, with no fleet file and
// DOCKER_HOST pointing at a socket that does not exist (the default /var/run/docker.sock, missing, is the same).
import { rmSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "../tests/support/fleet";
import { startWharf, TEST_ADMIN, type RunningServer } from "../tests/support/wharf-server";
import { expect, test } from "./fixtures";

const dir = path.join(repoRoot, ".fleet/e2e-sui-no-engine");
let server: RunningServer;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  rmSync(dir, { recursive: true, force: true });
  server = await startWharf({
    port: 3115,
    fleetConfig: "",
    dataDir: path.join(dir, "data"),
    env: { FLEET_CONFIG: undefined, DOCKER_HOST: "unix:///run/sui-no-engine.sock" },
  });
});

test.afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test("with no engine to reach, the fleet page says what to do and claims neither a live fleet nor a last state", async ({
  page,
}) => {
  const login = await page.request.post(`${server.url}/api/auth/login`, { data: TEST_ADMIN });
  expect(login.ok()).toBe(true);
  await page.goto(`${server.url}/`);

  const card = page.locator('[data-testid="host-card"][data-host="local"]');
  await expect(card).toHaveAttribute("data-status", "down");
  await expect(card.getByTestId("host-error")).toContainText("socket not found");

  const help = page.getByTestId("no-engine");
  await expect(help).toContainText("Wharf cannot reach any Docker engine");
  await expect(help).toContainText("Start Docker");
  await expect(help).toContainText("DOCKER_HOST");
  await expect(help).toContainText("FLEET_CONFIG");
  await expect(help).toContainText("npm run demo");

  // The stream is up, but it watches nothing: the indicator says so rather than showing a green "live".
  const live = page.getByTestId("live-status");
  await expect(live).toHaveAttribute("data-status", "live");
  await expect(live).toHaveText("no engine reachable");
  await expect(page.locator("main")).not.toContainText("last known state");
  await expect(page.locator("main")).not.toContainText("None of the reachable hosts");
});
