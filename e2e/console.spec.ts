import type { Browser, Page } from "@playwright/test";
import WebSocket from "ws";
import { expect, test } from "./fixtures";

const IDLE = ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"];

/** A terminal row whose whole text is `text` (the typed command's own row holds more). */
const row = (page: Page, text: string | RegExp) =>
  page
    .getByTestId("console-terminal")
    .locator(".xterm-rows > div")
    .filter({ hasText: typeof text === "string" ? new RegExp(`^\\s*${text}\\s*$`) : text });

async function openConsole(page: Page, hostId: string, name: string, command?: string) {
  await page.goto(`/containers/${hostId}/${name}#console`);
  if (command) await page.getByLabel("Command").fill(command);
  await page.getByTestId("console-open").click();
}

async function signInAs(browser: Browser, origin: string, page: Page, role: "viewer" | "operator") {
  const username = `con-${role}-${Date.now().toString(36)}`;
  const created = await page.request.post("/api/users", {
    data: { username, password: "a-long-enough-password", role },
    headers: { origin },
  });
  expect(created.status()).toBe(200);
  const context = await browser.newContext({ baseURL: origin });
  const other = await context.newPage();
  const login = await other.request.post("/api/auth/login", {
    data: { username, password: "a-long-enough-password" },
  });
  expect(login.status()).toBe(200);
  return { context, page: other };
}

test("a console runs a shell in the container: echo hi prints hi, and the terminal's size follows the window", async ({
  page,
  fleet,
}) => {
  const name = await fleet.run("alpha", "con-console", [], IDLE);
  await openConsole(page, "alpha", name);
  const status = page.getByTestId("console-status");
  await expect(status).toHaveAttribute("data-phase", "open");
  await page.getByTestId("console-terminal").click();
  await page.keyboard.type("echo hi\n");
  await expect(row(page, "hi")).toHaveCount(1);

  const terminal = page.getByTestId("console-terminal");
  const before = Number(await terminal.getAttribute("data-cols"));
  await page.setViewportSize({ width: 700, height: 900 });
  await expect(terminal).not.toHaveAttribute("data-cols", String(before));
  const cols = await terminal.getAttribute("data-cols");
  const rows = await terminal.getAttribute("data-rows");
  await page.keyboard.type("busybox stty size\n");
  await expect(row(page, `${rows} ${cols}`)).toHaveCount(1);
});

test("a console ends, saying so, when its container stops", async ({ page, fleet }) => {
  const name = await fleet.run("alpha", "con-console-stop", [], IDLE);
  await openConsole(page, "alpha", name);
  await expect(page.getByTestId("console-status")).toHaveAttribute("data-phase", "open");
  await fleet.docker("alpha", ["stop", "-t", "1", name]);
  const status = page.getByTestId("console-status");
  await expect(status).toHaveAttribute("data-end-reason", "container stopped");
  await expect(status).toContainText(`The container ${name} stopped`);
  // Said in the terminal too (a long line wraps over rows: read them together).
  await page.getByTestId("console-terminal").scrollIntoViewIfNeeded();
  await expect(page.getByTestId("console-terminal").locator(".xterm-rows")).toContainText(
    "the console has ended",
  );
});

test("a command the container does not have says so in the terminal", async ({ page, fleet }) => {
  const name = await fleet.run("alpha", "con-console-noshell", [], IDLE);
  await openConsole(page, "alpha", name, "/bin/no-such-shell");
  const status = page.getByTestId("console-status");
  await expect(status).toHaveAttribute("data-end-reason", "no shell");
  await expect(status).toContainText("cannot run /bin/no-such-shell");
});

test("a console ends when its session is signed out elsewhere", async ({ page, browser, fleet }) => {
  const name = await fleet.run("alpha", "con-console-signout", [], IDLE);
  await page.goto("/");
  const origin = new URL(page.url()).origin;
  const operator = await signInAs(browser, origin, page, "operator");
  const opened = operator.page.waitForEvent("websocket");
  await openConsole(operator.page, "alpha", name);
  const socket = await opened;
  await expect(operator.page.getByTestId("console-status")).toHaveAttribute("data-phase", "open");
  const ended = socket.waitForEvent("framereceived", {
    predicate: (frame) => typeof frame.payload === "string" && frame.payload.includes('"type":"end"'),
  });
  // The same session signs out from another tab: a plain request with its cookie.
  const logout = await operator.context.request.post("/api/auth/logout", { headers: { origin } });
  expect(logout.status()).toBe(200);
  const frame = JSON.parse(String((await ended).payload)) as { reason: string; message: string };
  expect(frame).toEqual({
    type: "end",
    reason: "access ended",
    message: "The console closed: access ended (signed out)",
  });
  await operator.context.close();
});

test("a viewer gets no console: no panel, and the ticket is refused", async ({ page, browser, fleet }) => {
  const name = await fleet.run("alpha", "con-console-viewer", [], IDLE);
  await page.goto("/");
  const origin = new URL(page.url()).origin;
  const viewer = await signInAs(browser, origin, page, "viewer");
  await viewer.page.goto(`/containers/alpha/${name}`);
  await expect(viewer.page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(viewer.page.getByTestId("console-panel")).toHaveCount(0);
  const refused = await viewer.page.request.post(`/api/containers/alpha/${name}/console`, {
    data: {},
    headers: { origin },
  });
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: { message: string } }).error.message).toContain("operator");
  await viewer.context.close();
});

test("a console upgrade from a foreign Origin is refused, from Wharf's own it opens", async ({
  page,
  context,
  fleet,
}) => {
  const name = await fleet.run("alpha", "con-console-origin", [], IDLE);
  await page.goto("/");
  const origin = new URL(page.url()).origin;
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const ticket = async () => {
    const minted = await page.request.post(`/api/containers/alpha/${name}/console`, {
      data: { command: ["/bin/sh"] },
      headers: { origin },
    });
    expect(minted.status()).toBe(200);
    return ((await minted.json()) as { url: string }).url;
  };
  const upgrade = (url: string, from: string) =>
    new Promise<number>((resolve, reject) => {
      const ws = new WebSocket(`${origin.replace("http", "ws")}${url}`, {
        headers: { cookie, origin: from },
      });
      ws.on("unexpected-response", (_request, response) => resolve(response.statusCode ?? 0));
      ws.on("open", () => {
        ws.close();
        resolve(101);
      });
      ws.on("error", reject);
    });
  expect(await upgrade(await ticket(), "http://evil.example")).toBe(403);
  expect(await upgrade(await ticket(), origin)).toBe(101);
});
