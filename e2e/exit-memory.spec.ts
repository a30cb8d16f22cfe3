// A kill or a stop Wharf saw is no crash after Wharf restarts: the fleet page, its "Needs attention" list and the
// wall read it as the Wharf that saw it did. The spec runs its own Wharf (on alpha only) so it can restart it.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { readFleetFile, repoRoot } from "../tests/support/fleet";
import { startWharf, TEST_ADMIN, type RunningServer } from "../tests/support/wharf-server";
import { expect, test, uniqueTag } from "./fixtures";

const dir = path.join(repoRoot, ".fleet/e2e-inc-exit-memory");
const fleetFile = path.join(dir, "hosts.json");
let server: RunningServer | undefined;

const start = () => startWharf({ port: 3172, fleetConfig: fleetFile, dataDir: path.join(dir, "data") });

test.beforeAll(() => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(fleetFile, JSON.stringify({ hosts: readFleetFile().hosts.filter((h) => h.id === "alpha") }));
});

test.afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Each row shows its label ("killed (137)", not a red "exited (137)"), and nothing flags it anywhere. */
async function expectUnflagged(page: Page, tag: string, rows: Record<string, string>): Promise<void> {
  await page.goto(`${server!.url}/?q=e2e-${tag}`);
  for (const [name, label] of Object.entries(rows)) {
    const row = page.locator(`[data-testid=container-row][data-name="${name}"]`);
    await expect(row.getByTestId("state-label")).toHaveText(label);
    await expect(row).toHaveAttribute("data-attention", "");
  }
  const names = Object.keys(rows);
  const attention = page.getByRole("region", { name: "Needs attention" });
  for (const name of names) await expect(attention.locator(`[data-name="${name}"]`)).toHaveCount(0);
  await page.goto(`${server!.url}/?view=wall`);
  const tile = page.locator("[data-testid=wall-tile][data-host=alpha]");
  await expect(tile).toHaveAttribute("data-status", "up");
  for (const name of names)
    await expect(tile.locator(`[data-testid=wall-problem][data-name="${name}"]`)).toHaveCount(0);
}

test("a container killed and one stopped while Wharf ran are not red after Wharf restarts, twice", async ({
  page,
  fleet,
}) => {
  test.setTimeout(360_000);
  const tag = uniqueTag("inc-restart");
  const forever = ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"];
  const killed = await fleet.run("alpha", `${tag}-killed`, [], forever);
  // Ignores TERM, so `docker stop` ends it with KILL: exit 137, like the kill.
  const stopped = await fleet.run(
    "alpha",
    `${tag}-stopped`,
    ["--stop-timeout", "1"],
    ["sh", "-c", "trap '' TERM; while :; do sleep 1; done"],
  );
  server = await test.step("start Wharf", start);
  const login = await page.request.post(`${server.url}/api/auth/login`, { data: TEST_ADMIN });
  expect(login.ok()).toBe(true);
  await page.goto(`${server.url}/?q=e2e-${tag}`);
  for (const name of [killed, stopped])
    await expect(
      page.locator(`[data-testid=container-row][data-name="${name}"]`).getByTestId("state-label"),
    ).toHaveText("running");

  await fleet.docker("alpha", ["kill", killed]);
  await fleet.docker("alpha", ["stop", stopped]);
  const expected = { [killed]: "killed (137)", [stopped]: "stopped (137)" };
  await test.step("seen by the Wharf that ran", () => expectUnflagged(page, tag, expected));

  // The second start's catch-up begins after the first one's, long after the kill and the stop.
  for (const round of [1, 2]) {
    await test.step(`restart ${round}`, async () => {
      // Stopped with the page and its event stream open: the server ends the stream itself and exits.
      await server!.stop();
      server = await start();
    });
    await test.step(`after restart ${round}`, () => expectUnflagged(page, tag, expected));
  }
});
