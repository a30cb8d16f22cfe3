import { expect, test } from "./fixtures";
import { startHttpReceiver } from "../tests/support/receivers";

test("an admin adds a webhook channel on /settings, never sees its URL's path again, and sees its test delivered", async ({
  page,
}) => {
  const hook = await startHttpReceiver();
  try {
    const name = `e2e-hook-${Date.now().toString(36)}`;
    await page.goto("/settings");
    const form = page.getByRole("form", { name: "Add an alert channel" });
    await form.getByLabel("Channel name").fill(name);
    await form.getByLabel("Webhook URL").fill(hook.url);
    await form.getByLabel("Signing secret (16+ characters)").fill("e2e-signing-secret-123");
    await form.getByLabel("Container name pattern").fill(`${name}-*`);
    await form.getByRole("button", { name: "Add channel" }).click();

    const card = page.locator(`[data-testid="channel"][data-name="${name}"]`);
    await expect(card).toContainText(`http://127.0.0.1:${hook.port}/…`);
    await expect(page.getByText("receiver-secret")).toHaveCount(0);
    await expect(page.getByText("hooks/wharf")).toHaveCount(0);

    await card.getByRole("button", { name: "Send test" }).click();
    await expect.poll(() => hook.received.length).toBe(1);
    expect(hook.received[0]!.json).toMatchObject({
      event: "test",
      title: `Test message for the channel "${name}"`,
    });
    await card.getByRole("button", { name: "Deliveries" }).click();
    await expect(card.getByTestId("delivery")).toContainText(["delivered"]);
    await expect(card.getByTestId("delivery")).toContainText(["HTTP 200"]);
  } finally {
    await hook.close();
  }
});
