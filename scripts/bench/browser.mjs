// Debian's Chromium driven by Playwright: the browsers Playwright would download are unreachable here.
import { chromium } from "@playwright/test";

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function launchBrowser() {
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });
}

export async function browserVersion() {
  const browser = await launchBrowser();
  try {
    return browser.version();
  } finally {
    await browser.close();
  }
}

/** A page sized like a laptop screen, so the virtualised table renders a realistic number of rows. */
export async function newPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  return { context, page };
}
