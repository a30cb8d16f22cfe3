// Debian's Chromium driven by Playwright: the browsers Playwright would download are unreachable here.
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "../chromium.mjs";

export async function launchBrowser() {
  return chromium.launch(chromiumLaunchOptions);
}

export async function browserVersion() {
  const browser = await launchBrowser();
  try {
    return browser.version();
  } finally {
    await browser.close();
  }
}

/**
 * A page sized like a laptop screen, so the virtualised table renders a realistic number of rows, signed in
 * with the bench's session when the server has sign-in. `height` makes it taller, for a page that must render
 * every row it is filtered to at once.
 */
export async function newPage(browser, server, { height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width: 1400, height } });
  if (server.cookie) await context.addCookies([server.cookie]);
  const page = await context.newPage();
  return { context, page };
}

/** Console errors, page errors and failed requests, to explain a page that never shows its rows. */
export function watchProblems(page) {
  const problems = [];
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text().slice(0, 300)}`));
  page.on("pageerror", (e) => problems.push(`page error: ${e.message.slice(0, 300)}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on("response", (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  return problems;
}

/** What the page showed and what went wrong on it, with a screenshot, for a wait that timed out. */
export async function describeFailure(page, problems, server, what) {
  const file = `.fleet/bench/${what}-failure.png`;
  await page.screenshot({ path: file }).catch(() => {});
  const text = await page
    .evaluate(() => document.body?.innerText.slice(0, 400))
    .catch(() => "(page not readable)");
  const list = await fetch(`${server.url}/api/containers`, { headers: server.headers })
    .then((r) => `${r.status}`)
    .catch((e) => e.message);
  return [
    `page text: ${JSON.stringify(text)}`,
    `GET /api/containers now: ${list}`,
    ...problems.slice(0, 15),
    `screenshot: ${file}`,
  ].join("\n");
}
