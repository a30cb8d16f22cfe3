// Debian's Chromium, the browser of the e2e tests and the bench: Playwright cannot download its own here. The
// flags keep it off the network (no background requests, updates or sync) and runnable as root, headless.
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};
