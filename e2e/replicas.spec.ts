// A page opened through HAProxy in front of two Wharf replicas on one PostgreSQL (issue 25): the replica serving
// its event stream dies by kill -9, and the page carries on from the other one without a reload.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Page, Route } from "@playwright/test";
import { readFleetFile, repoRoot, uniqueName } from "../tests/support/fleet";
import { startReplicas, type ReplicaSet } from "../tests/support/replicas";
import { TEST_ADMIN } from "../tests/support/wharf-server";
import { expect, test } from "./fixtures";

const dir = path.join(repoRoot, ".fleet/e2e", uniqueName("h3-replicas"));
let set: ReplicaSet;

test.describe.configure({ timeout: 180_000 });

test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(300_000);
  mkdirSync(dir, { recursive: true });
  const fleetConfig = path.join(dir, "hosts.json");
  // The two engines the test changes things on: fewer watchers keep two replicas light.
  const hosts = readFleetFile().hosts.filter((host) => host.id === "alpha" || host.id === "bravo");
  writeFileSync(fleetConfig, JSON.stringify({ hosts }));
  set = await startReplicas({ count: 2, basePort: 3262, fleetConfig });
});

test.afterAll(async () => {
  await set?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The replica (by HAProxy's name for it) that answered each of the page's /api/events requests, in order. */
function streamsServed(page: Page): string[] {
  const served: string[] = [];
  page.on("response", (response) => {
    if (new URL(response.url()).pathname === "/api/events")
      served.push(response.headers()["x-served-by"] ?? "?");
  });
  return served;
}

test("a page through HAProxy stays live while its replica is killed: the stream moves to the other replica, and what changed meanwhile shows without a reload", async ({
  page,
  fleet,
}) => {
  const tag = uniqueName("h3-ha");
  // Waits for a file, then exits 7: the crash happens exactly when the test says.
  const crasher = await fleet.run(
    "alpha",
    `${tag}-crash`,
    [],
    ["sh", "-c", "while [ ! -f /tmp/go ]; do sleep 0.1; done; echo 'replica gone' >&2; exit 7"],
  );
  const signedIn = await page.request.post(`${set.url}/api/auth/login`, { data: TEST_ADMIN });
  expect(signedIn.status()).toBe(200);
  const served = streamsServed(page);
  await page.goto(`${set.url}/?q=e2e-${tag}`);
  const live = page.getByTestId("live-status");
  await expect(live).toHaveAttribute("data-status", "live");
  const crashed = page.locator(`[data-testid=container-row][data-name="${crasher}"]`);
  await expect(crashed).toHaveAttribute("data-state", "running");
  await expect(crashed).toHaveAttribute("data-attention", "");
  expect(served).toHaveLength(1);
  const serving = set.replicas.find((replica) => replica.name === served[0]);
  expect(serving, `the stream's replica, named by HAProxy: ${served[0]}`).toBeDefined();
  // Anything that reloads the page would reset this marker.
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

  // The page's next stream request is held until the test has made its changes, so they land in the gap
  // whatever the machine's speed: they can reach the page only through the other replica's snapshot.
  let held: Route | null = null;
  await page.route("**/api/events", (route) => {
    if (held) return route.continue();
    held = route;
  });
  await set.kill(serving!);
  await expect(live).toHaveAttribute("data-status", "reconnecting");
  await expect.poll(() => held !== null, { message: "the page asks for its stream again" }).toBe(true);

  await fleet.exec("alpha", crasher, ["touch", "/tmp/go"]);
  await fleet.until("alpha", crasher, "exited", (state) => state.Status === "exited");
  const started = await fleet.run("bravo", `${tag}-new`, [], ["sleep", "3600"]);
  await (held as Route | null)!.continue();

  await expect(live).toHaveAttribute("data-status", "live");
  await expect(crashed).toHaveAttribute("data-state", "exited");
  await expect(crashed).toHaveAttribute("data-attention", "exit");
  await expect(crashed.getByTestId("exit-code")).toHaveText("7");
  const fresh = page.locator(`[data-testid=container-row][data-name="${started}"]`);
  await expect(fresh).toHaveAttribute("data-state", "running");
  // The crash is recorded by the replica left (it takes the lease if the killed one held it), and the page hears it.
  await expect(crashed.getByTestId("incident-badge")).toBeVisible();
  // The stream came back from the replica left, and only from it.
  expect(served.length).toBeGreaterThan(1);
  expect(served.slice(1).every((name) => name !== serving!.name)).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(
    true,
  );
});
