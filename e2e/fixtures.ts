import { test as base } from "@playwright/test";
import { docker, runContainer, uniqueName, waitFor, type Engine } from "../tests/support/fleet";

type Fleet = {
  /** Starts a container on an engine with the docker CLI (busybox unless `image`); removed again after the test. */
  run: (
    engine: Engine,
    prefix: string,
    options: string[],
    command: string[],
    image?: string,
  ) => Promise<string>;
  /** Runs a command inside a container (to trigger what it was waiting for). */
  exec: (engine: Engine, name: string, command: string[]) => Promise<string>;
  /** Any docker CLI command against an engine. */
  docker: (engine: Engine, args: string[]) => Promise<string>;
  /** Waits until `docker inspect` of a container satisfies a condition. */
  until: (
    engine: Engine,
    name: string,
    what: string,
    check: (state: Record<string, unknown>) => boolean,
  ) => Promise<void>;
};

/**
 * A prefix for the containers of one test: `fleet.run(engine, \`${tag}-…\`)` names them `e2e-${tag}-…`, so
 * `/?q=e2e-${tag}` shows exactly those rows, whatever else the shared engines hold (the table is virtualised:
 * a row outside the first screen is not in the DOM at all).
 */
export function uniqueTag(prefix: string): string {
  return uniqueName(prefix);
}

/** The admin the e2e server starts with (playwright.config.ts passes it as WHARF_ADMIN_PASSWORD). */
export const E2E_ADMIN = { username: "admin", password: "e2e-admin-password-123" };

export const test = base.extend<{ fleet: Fleet; signedIn: void }>({
  // Every test starts signed in as the admin, through the real sign-in endpoint; the session cookie it sets
  // is shared by the page. Tests about signing in itself use a fresh context.
  signedIn: [
    async ({ page }, use) => {
      const response = await page.request.post("/api/auth/login", { data: E2E_ADMIN });
      if (!response.ok())
        throw new Error(`e2e sign-in failed: ${response.status()} ${await response.text()}`);
      await use();
    },
    { auto: true },
  ],
  fleet: async ({}, use) => {
    const created: [Engine, string][] = [];
    await use({
      run: async (engine, prefix, options, command, image) => {
        const name = uniqueName(`e2e-${prefix}`);
        created.push([engine, name]);
        await runContainer(engine, name, options, command, image);
        return name;
      },
      exec: (engine, name, command) => docker(engine, "exec", name, ...command),
      docker: (engine, args) => docker(engine, ...args),
      until: async (engine, name, what, check) => {
        await waitFor(`${name} ${what}`, async () =>
          check(JSON.parse(await docker(engine, "inspect", "--format", "{{json .State}}", name))),
        );
      },
    });
    await Promise.all(created.map(([engine, name]) => docker(engine, "rm", "-f", name).catch(() => "")));
  },
});

export { expect } from "@playwright/test";
