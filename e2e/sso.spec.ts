// Single sign-on end to end: Chromium signs in through a real OpenID provider (oidc-provider, on loopback under
// `localhost`: another site than Wharf's 127.0.0.1, as a company's provider is), on the provider's own login and
// consent pages, and Wharf maps the provider's group claim to teams. The refusals use real codes and states: the
// test holds the provider's redirect back to Wharf and sends it on changed, replayed or expired.
import { rmSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIResponse, type Browser, type Page } from "@playwright/test";
import { repoRoot } from "../tests/support/fleet";
import { startTestProvider, type TestProvider } from "../tests/support/oidc-provider";
import { startWharf, type RunningServer } from "../tests/support/wharf-server";

const dir = path.join(repoRoot, ".fleet/e2e-ss-sso");
const PORT = 3137;
let provider: TestProvider;
let server: RunningServer;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  rmSync(dir, { recursive: true, force: true });
  const url = `http://127.0.0.1:${PORT + Number(process.env.WHARF_PORT_OFFSET ?? 0)}`;
  provider = await startTestProvider({ redirectUris: [`${url}/api/auth/oidc/callback`] });
  server = await startWharf({
    port: PORT,
    fleetConfig: "",
    dataDir: path.join(dir, "data"),
    env: {
      // No engine needed to sign in: the fleet is one socket nobody listens on.
      FLEET_CONFIG: undefined,
      DOCKER_HOST: "unix:///run/ss-sso-no-engine.sock",
      WHARF_OIDC_ISSUER: provider.issuer,
      WHARF_OIDC_CLIENT_ID: provider.clientId,
      WHARF_OIDC_CLIENT_SECRET: provider.clientSecret,
      WHARF_OIDC_SCOPES: "openid profile groups",
      WHARF_OIDC_TEAMS: "wharf-ss-shop=ss-shop, wharf-ss-ops=ss-ops",
      WHARF_OIDC_NAME: "SS Corp ID",
    },
  });
});

test.afterAll(async () => {
  await server?.stop();
  await provider?.stop();
  rmSync(dir, { recursive: true, force: true });
});

type Me = {
  principal: { kind: string; name: string; role: string };
  teams: { name: string; source: string }[];
};

async function me(page: Page): Promise<{ status: number; body: Me | null }> {
  const response = await page.request.get(`${server.url}/api/auth/me`);
  return { status: response.status(), body: response.ok() ? ((await response.json()) as Me) : null };
}

/** From Wharf's sign-in page through the provider's login and consent pages, as a person does it. */
async function signInAtProvider(page: Page, login: string, next = "/") {
  await page.goto(`${server.url}/login${next === "/" ? "" : `?next=${encodeURIComponent(next)}`}`);
  await page.getByTestId("sso-sign-in").click();
  await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/interaction/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("anything-the-dev-provider-accepts");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

/** The ids of the hosts a caller sees (an admin: every one). */
async function hostIdsSeen(get: (path: string) => Promise<Response | APIResponse>): Promise<string[]> {
  const response = await get("/api/hosts");
  const body = (await response.json()) as { hosts: { id: string }[] };
  return body.hosts.map((host) => host.id).sort();
}

async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

async function auditEntries(): Promise<{ action: string; target: string | null; detail: string | null }[]> {
  const response = await server.fetch("/api/audit?limit=200");
  return (
    (await response.json()) as { entries: { action: string; target: string | null; detail: string | null }[] }
  ).entries;
}

/** The newest sign-in failure in the audit log (reading it is audited too: `token-used`). */
async function lastFailure() {
  return (await auditEntries()).find((entry) => entry.action === "login-failed");
}

test("a Wharf without WHARF_OIDC_* settings shows no single sign-on button", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await expect(page.getByTestId("sso-sign-in")).toHaveCount(0);
});

test("signs in at the provider, lands signed in on the page asked for, with the team its group maps to; a group removed at the provider loses the team at the next sign-in", async ({
  browser,
}) => {
  provider.setGroups("ss-alice", ["wharf-ss-shop", "wharf-ss-ops", "not-mapped"]);
  const page = await freshPage(browser);
  await page.goto(`${server.url}/login?next=/history`);
  await expect(page.getByTestId("sso-sign-in")).toHaveText("Sign in with SS Corp ID");
  await signInAtProvider(page, "ss-alice", "/history");

  await expect(page).toHaveURL(`${server.url}/history`);
  await expect(page.getByTestId("user-name")).toHaveText("ss-alice");
  const first = await me(page);
  // An SSO user is scoped: what they see comes from their teams' grants.
  expect(first.body?.principal).toEqual({ kind: "user", name: "ss-alice", role: "viewer", scoped: true });
  expect(first.body?.teams).toEqual([
    { name: "ss-ops", source: "sso" },
    { name: "ss-shop", source: "sso" },
  ]);
  const audit = await auditEntries();
  expect(audit).toContainEqual(expect.objectContaining({ action: "team-created", target: "ss-shop" }));
  expect(audit).toContainEqual(
    expect.objectContaining({
      action: "login",
      target: "ss-alice",
      detail: expect.stringContaining("single sign-on"),
    }),
  );
  // The same session cookie a password sign-in sets: HttpOnly, SameSite=Strict.
  const cookies = await page.context().cookies(server.url);
  expect(cookies.find((c) => c.name === "wharf_session")).toMatchObject({
    httpOnly: true,
    sameSite: "Strict",
  });
  // Team ss-shop gets viewer on the one host: ss-alice's session now sees it, through the team alone.
  expect((await page.request.get(`${server.url}/api/hosts`)).status()).toBe(403);
  const hostIds = await hostIdsSeen((path) => server.fetch(path));
  expect(hostIds.length).toBeGreaterThan(0);
  const teams = (await (await server.fetch("/api/teams")).json()) as {
    teams: { id: number; name: string }[];
  };
  const shop = teams.teams.find((team) => team.name === "ss-shop");
  const granted = await server.fetch("/api/grants", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      holder: { kind: "team", id: shop?.id },
      role: "viewer",
      scope: { hosts: hostIds },
    }),
  });
  expect(granted.status).toBe(200);
  expect(await hostIdsSeen((path) => page.request.get(`${server.url}${path}`))).toEqual(hostIds);
  await page.context().close();

  // Removed from wharf-ss-shop at the provider: the next sign-in (in another browser) no longer has ss-shop.
  provider.setGroups("ss-alice", ["wharf-ss-ops"]);
  const again = await freshPage(browser);
  await signInAtProvider(again, "ss-alice");
  await expect(again).toHaveURL(`${server.url}/`);
  const second = await me(again);
  expect(second.body?.principal.name).toBe("ss-alice");
  expect(second.body?.teams).toEqual([{ name: "ss-ops", source: "sso" }]);
  // ss-ops holds no grant: without ss-shop, ss-alice sees nothing of the fleet.
  expect((await again.request.get(`${server.url}/api/hosts`)).status()).toBe(403);
  await again.context().close();
});

test("a provider answer with the wrong state is refused on the sign-in page, with no session, and audited", async ({
  browser,
}) => {
  provider.setGroups("ss-bob", ["wharf-ss-shop"]);
  const page = await freshPage(browser);
  const held = provider.holdCallbacks();
  try {
    await signInAtProvider(page, "ss-bob");
    await expect(page.locator("body")).toHaveText("held by the test");
  } finally {
    provider.releaseCallbacks();
  }
  const answer = new URL(held[0]!);
  answer.searchParams.set("state", "ss-not-the-state-this-browser-started");
  await page.goto(answer.href);

  await expect(page).toHaveURL(`${server.url}/login?sso_error=state`);
  await expect(page.getByTestId("sso-error")).toContainText("wrong state");
  expect((await me(page)).status).toBe(401);
  expect(await auditEntries()).toContainEqual(
    expect.objectContaining({
      action: "login-failed",
      detail: expect.stringContaining("the state did not match"),
    }),
  );
  // The pending sign-in is spent by the refusal: the genuine answer cannot be sent after it either.
  await page.goto(held[0]!);
  await expect(page.getByTestId("sso-error")).toContainText("no sign-in was started");
  expect((await me(page)).status).toBe(401);
  await page.context().close();
});

test("a pending sign-in whose page to land on was changed in the browser still lands on this site", async ({
  browser,
}) => {
  provider.setGroups("ss-dave", []);
  const page = await freshPage(browser);
  const held = provider.holdCallbacks();
  try {
    await signInAtProvider(page, "ss-dave", "/history");
    await expect(page.locator("body")).toHaveText("held by the test");
  } finally {
    provider.releaseCallbacks();
  }
  // The pending sign-in lives in the browser: a page (or a neighbour's cookie) may rewrite where it lands.
  const context = page.context();
  const cookie = (await context.cookies(`${server.url}/api/auth/oidc/callback`)).find(
    (c) => c.name === "wharf_oidc",
  )!;
  const pending = JSON.parse(Buffer.from(cookie.value, "base64url").toString("utf8")) as { next: string };
  expect(pending.next).toBe("/history");
  pending.next = "//evil.example/steal";
  await context.addCookies([
    { ...cookie, value: Buffer.from(JSON.stringify(pending)).toString("base64url") },
  ]);
  await page.goto(held[0]!);
  await expect(page).toHaveURL(`${server.url}/`);
  expect((await me(page)).body?.principal.name).toBe("ss-dave");
  await context.close();
});

test("a code used once already, or one that expired, is refused: no session", async ({ browser }) => {
  provider.setGroups("ss-carol", ["wharf-ss-ops"]);
  const first = await freshPage(browser);
  const held = provider.holdCallbacks();
  try {
    await signInAtProvider(first, "ss-carol");
    await expect(first.locator("body")).toHaveText("held by the test");
  } finally {
    provider.releaseCallbacks();
  }
  // What a thief of the whole answer would have: the callback URL and this browser's pending sign-in.
  const pending = (await first.context().cookies(`${server.url}/api/auth/oidc/callback`)).filter(
    (c) => c.name === "wharf_oidc",
  );
  expect(pending).toHaveLength(1);
  await first.goto(held[0]!);
  await expect(first).toHaveURL(`${server.url}/`);
  expect((await me(first)).body?.principal.name).toBe("ss-carol");
  await first.context().close();

  // Replayed in another browser with that same pending sign-in: state and PKCE pass, the provider refuses the code.
  const replay = await freshPage(browser);
  await replay.context().addCookies(pending);
  await replay.goto(held[0]!);
  await expect(replay).toHaveURL(`${server.url}/login?sso_error=code`);
  await expect(replay.getByTestId("sso-error")).toContainText("expired or was used already");
  expect((await me(replay)).status).toBe(401);
  // The provider does not say which check failed ("grant request is invalid"): only that it refused.
  expect(await lastFailure()).toMatchObject({
    action: "login-failed",
    detail: expect.stringContaining("the provider refused the code"),
  });
  await replay.context().close();

  // A code whose lifetime ran out at the provider before it was exchanged.
  const late = await freshPage(browser);
  const heldAgain = provider.holdCallbacks();
  try {
    await signInAtProvider(late, "ss-carol");
    await expect(late.locator("body")).toHaveText("held by the test");
  } finally {
    provider.releaseCallbacks();
  }
  provider.expireCodes();
  await late.goto(heldAgain[0]!);
  await expect(late).toHaveURL(`${server.url}/login?sso_error=code`);
  expect((await me(late)).status).toBe(401);
  expect(await lastFailure()).toMatchObject({
    action: "login-failed",
    detail: expect.stringContaining("the provider refused the code"),
  });
  await late.context().close();
});

test("a half-made single sign-on configuration stops Wharf at start, naming what is missing", async () => {
  test.setTimeout(120_000);
  const started = startWharf({
    port: PORT + 1,
    fleetConfig: "",
    dataDir: path.join(dir, "half-made"),
    signIn: false,
    env: {
      FLEET_CONFIG: undefined,
      DOCKER_HOST: "unix:///run/ss-sso-no-engine.sock",
      WHARF_OIDC_ISSUER: provider.issuer,
    },
  });
  await expect(started).rejects.toThrow(
    "Single sign-on needs WHARF_OIDC_CLIENT_ID, WHARF_OIDC_CLIENT_SECRET too (WHARF_OIDC_ISSUER set)",
  );
});
