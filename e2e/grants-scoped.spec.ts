import { expect, test, uniqueTag } from "./fixtures";

test("a scoped user sees only their grant's container, and a grant taken back takes it off their open page", async ({
  page,
  browser,
  fleet,
}) => {
  const tag = uniqueTag("gr-scoped");
  const serve = ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"];
  const inside = await fleet.run("alpha", `${tag}-in`, [], serve);
  const outside = await fleet.run("alpha", `${tag}-out`, [], serve);
  await page.goto("/settings");
  const origin = new URL(page.url()).origin;
  const call = async (method: "post" | "patch" | "delete", url: string, data?: unknown) => {
    const response = await page.request[method](url, { data, headers: { origin } });
    expect(response.status(), `${method} ${url}`).toBe(200);
    return response.json();
  };
  const username = `gr-scoped-${Date.now().toString(36)}`;
  const { user } = await call("post", "/api/users", {
    username,
    password: "a-long-enough-password",
    role: "operator",
  });
  await call("patch", `/api/users/${user.id}`, { scoped: true });
  const { grant } = await call("post", "/api/grants", {
    holder: { kind: "user", id: user.id },
    role: "viewer",
    scope: { names: [inside] },
  });
  // A second grant, elsewhere: the user still holds one once the first is taken back.
  await call("post", "/api/grants", {
    holder: { kind: "user", id: user.id },
    role: "viewer",
    scope: { hosts: ["charlie"], projects: [`${tag}-none`] },
  });

  const context = await browser.newContext({ baseURL: origin });
  const scoped = await context.newPage();
  await scoped.goto("/login");
  await scoped.getByLabel("Username").fill(username);
  await scoped.getByLabel("Password").fill("a-long-enough-password");
  await scoped.getByRole("button", { name: "Sign in" }).click();
  await expect(scoped).toHaveURL("/");
  await scoped.goto(`/?q=e2e-${tag}`);
  await expect(scoped.getByTestId("live-status")).toHaveAttribute("data-status", "live");
  await expect(scoped.getByRole("link", { name: inside }).first()).toBeVisible();
  await expect(scoped.getByText(outside)).toHaveCount(0);

  await call("delete", `/api/grants/${grant.id}`);
  // The page's stream ends ("access changed") and starts again under what is left: the row goes, the page stays.
  await expect(scoped.getByText(inside)).toHaveCount(0);
  await expect(scoped.getByTestId("live-status")).toHaveAttribute("data-status", "live");
  await expect(scoped).toHaveURL(`/?q=e2e-${tag}`);
  await context.close();
});
