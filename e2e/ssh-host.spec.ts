// An SSH host's failures as a person sees them: on the host's own card, with the reason, beside a card that is up.
// The spec runs its own sshd (tests/support/sshd.ts) and its own Wharf, whose fleet reaches the alpha engine only
// through that sshd.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "../tests/support/fleet";
import { startSshd, type TestSshd } from "../tests/support/sshd";
import { startWharf, TEST_ADMIN, type RunningServer } from "../tests/support/wharf-server";
import { expect, test } from "./fixtures";

const dir = path.join(repoRoot, ".fleet/e2e-ssh");
let sshd: TestSshd;
let server: RunningServer;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  sshd = await startSshd(2223 + Number(process.env.WHARF_PORT_OFFSET ?? 0));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const url = `ssh://root@127.0.0.1:${sshd.port}`;
  const hosts = [
    { id: "through-ssh", name: "Through SSH", url, knownHosts: sshd.knownHosts },
    { id: "unknown-key", name: "Unknown key", url, knownHosts: sshd.otherKnownHosts },
    { id: "refused-key", name: "Refused key", url, knownHosts: sshd.knownHosts, identityFile: sshd.wrongKey },
  ];
  writeFileSync(path.join(dir, "hosts.json"), JSON.stringify({ hosts }));
  server = await startWharf({
    port: 3143,
    fleetConfig: path.join(dir, "hosts.json"),
    dataDir: path.join(dir, "data"),
    env: { WHARF_AUTOHEAL: "off", SSH_AUTH_SOCK: sshd.agentSocket },
  });
});

test.afterAll(async () => {
  await server?.stop();
  await sshd?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test("a refused key and an unknown host key are shown on their hosts' cards, the SSH host that works is up", async ({
  page,
}) => {
  const login = await page.request.post(`${server.url}/api/auth/login`, { data: TEST_ADMIN });
  expect(login.ok()).toBe(true);
  await page.goto(`${server.url}/`);

  const card = (id: string) => page.locator(`[data-testid="host-card"][data-host="${id}"]`);
  await expect(card("through-ssh")).toHaveAttribute("data-status", "up", { timeout: 30_000 });
  await expect(card("through-ssh")).toContainText(`ssh://127.0.0.1:${sshd.port}`);

  await expect(card("unknown-key")).toHaveAttribute("data-status", "down", { timeout: 30_000 });
  await expect(card("unknown-key").getByTestId("host-error")).toContainText(
    `unknown host key for [127.0.0.1]:${sshd.port} (ssh-ed25519 SHA256:`,
  );
  await expect(card("refused-key")).toHaveAttribute("data-status", "down", { timeout: 30_000 });
  await expect(card("refused-key").getByTestId("host-error")).toContainText("authentication failed");
});
