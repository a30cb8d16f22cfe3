import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./scripts/chromium.mjs";

const PORT = Number(process.env.E2E_PORT ?? 3102);
const fleetFile = path.join(__dirname, ".fleet/hosts.json");
const e2eDir = path.join(__dirname, ".fleet/e2e");

/** The dev fleet plus a host nobody listens on, so every page is also seen with one host down. */
function writeE2eFleet(): string {
  const fleet = JSON.parse(readFileSync(fleetFile, "utf8")) as { hosts: object[] };
  mkdirSync(e2eDir, { recursive: true });
  const file = path.join(e2eDir, "hosts.json");
  writeFileSync(
    file,
    JSON.stringify({ hosts: [...fleet.hosts, { id: "gone", name: "Gone", url: "tcp://127.0.0.1:9" }] }),
  );
  return file;
}

/** Emptied once per run, by the main process only: workers load this file too, while the server runs. */
function freshDataDir(): string {
  const dir = path.join(e2eDir, "data");
  if (process.env.TEST_WORKER_INDEX === undefined) rmSync(dir, { recursive: true, force: true });
  return dir;
}

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "on-first-retry",
    launchOptions: chromiumLaunchOptions,
  },
  webServer: {
    command: "node scripts/start.mjs",
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    env: {
      PORT: String(PORT),
      WHARF_HOSTNAME: "127.0.0.1",
      FLEET_CONFIG: writeE2eFleet(),
      DATA_DIR: freshDataDir(),
      NEXT_TELEMETRY_DISABLED: "1",
      // Matches E2E_ADMIN in e2e/fixtures.ts; a fresh data dir each run so it creates the admin.
      WHARF_ADMIN_PASSWORD: "e2e-admin-password-123",
      // e2e/alerts.spec.ts's receiver listens on loopback, which alerts reach only when allowed.
      WHARF_ALERT_ALLOW_HOSTS: "127.0.0.1",
    },
  },
});
