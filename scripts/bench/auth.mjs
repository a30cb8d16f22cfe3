// Wharf signs API calls and pages in. The bench's server has a fresh DATA_DIR, so the bench adds an operator of
// its own with the documented CLI (scripts/user-add.mjs), signs in once, and every client (node or Chromium)
// then carries that session cookie. A build without sign-in answers the probe with 200 and needs none of this.
// Phases that manage what only an admin may (P7's alert channel) sign in a second user, with the admin role.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";

const USERNAMES = { operator: "wharf-bench", admin: "wharf-bench-admin" };
const COOKIE = "wharf_session";

/** Returns `{ headers, cookie }` for requests to `server`: empty when the build has no sign-in. */
export async function signIn({ server, root, dataDir, role = "operator" }) {
  const username = USERNAMES[role];
  const probe = await fetch(`${server.url}/api/hosts`);
  if (probe.status !== 401) return { headers: {}, cookie: null };

  // Any public route that touches the database creates it; user-add needs it to exist.
  await fetch(`${server.url}/api/auth/setup`);
  const password = randomBytes(24).toString("base64url");
  const added = spawnSync(
    process.execPath,
    [path.join(root, "scripts/user-add.mjs"), "--username", username, "--role", role],
    {
      input: `${password}\n`,
      env: { ...process.env, DATA_DIR: dataDir },
      encoding: "utf8",
    },
  );
  if (added.status !== 0) throw new Error(`user-add failed: ${added.stderr || added.stdout}`);

  const res = await fetch(`${server.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.url },
    body: JSON.stringify({ username, password }),
  });
  const value = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c.startsWith(`${COOKIE}=`))
    ?.slice(COOKIE.length + 1);
  if (!res.ok || !value) throw new Error(`sign-in as ${username} failed: ${res.status} ${await res.text()}`);
  return {
    headers: { cookie: `${COOKIE}=${value}` },
    cookie: { name: COOKIE, value, url: server.url, httpOnly: true, sameSite: "Strict" },
  };
}
