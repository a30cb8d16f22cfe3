import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FleetMessage } from "@/lib/fleet/live/messages";
import type { LinesEvent } from "@/lib/logs/types";
import { readFleetFile, removeTestContainers, runContainer, uniqueName } from "../support/fleet";
import { openEvents, openSse, type SseCredentials } from "../support/sse";
import { startWharf, type RunningServer } from "../support/wharf-server";
import { passFolder } from "../support/pass";

// Streams re-check their caller this often here (15 s by default), so an expiry is seen without a long wait.
const RECHECK_MS = 250;
const PASSWORD = "stream-test-password";

let wharf: RunningServer;

beforeAll(async () => {
  await removeTestContainers("alpha");
  const dir = path.join(passFolder, "integration", `streams-${Date.now().toString(36)}`);
  mkdirSync(dir, { recursive: true });
  const fleetConfig = path.join(dir, "hosts.json");
  writeFileSync(
    fleetConfig,
    JSON.stringify({ hosts: readFleetFile().hosts.filter((h) => h.id === "alpha") }),
  );
  wharf = await startWharf({
    port: 3160,
    fleetConfig,
    dataDir: path.join(dir, "data"),
    env: { WHARF_STREAM_RECHECK_MS: String(RECHECK_MS) },
  });
});
afterAll(async () => {
  await wharf?.stop();
  await removeTestContainers("alpha");
});

async function json<T>(response: Promise<Response>): Promise<T> {
  const answer = await response;
  if (!answer.ok) throw new Error(`${answer.url} answered ${answer.status}: ${await answer.text()}`);
  return (await answer.json()) as T;
}
const send = (method: string, pathname: string, body?: unknown) =>
  wharf.fetch(pathname, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

async function newToken(expiresAt?: string): Promise<{ id: number; bearer: SseCredentials }> {
  const created = await json<{ token: string; info: { id: number } }>(
    send("POST", "/api/tokens", { name: uniqueName("stream-token"), role: "viewer", expiresAt }),
  );
  return { id: created.info.id, bearer: { token: created.token } };
}

async function newUser(): Promise<{ id: number; username: string }> {
  const username = uniqueName("stream-user");
  const { user } = await json<{ user: { id: number } }>(
    send("POST", "/api/users", { username, password: PASSWORD, role: "viewer" }),
  );
  return { id: user.id, username };
}

async function signIn(username: string, password = PASSWORD): Promise<SseCredentials> {
  const answer = await fetch(`${wharf.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (!answer.ok) throw new Error(`Signing in as ${username} answered ${answer.status}`);
  return { cookie: answer.headers.get("set-cookie")!.split(";")[0]! };
}

type Stream = Awaited<ReturnType<typeof openEvents>>;
const isContainer = (name: string) => (m: { event: string; data: unknown }) =>
  m.event === "container" && (m.data as FleetMessage & { type: "container" }).row?.name === name;

/** A fleet stream shown to be flowing: its snapshot, then the event of a container started after it. */
async function flowingEvents(credentials: SseCredentials): Promise<Stream> {
  const stream = await openEvents({ url: wharf.url, ...credentials });
  await stream.next((m) => m.event === "snapshot", "the snapshot");
  await containerShows(stream);
  return stream;
}

/** Starts a container on alpha and waits until the stream tells of it. */
async function containerShows(stream: Stream): Promise<void> {
  const name = uniqueName("it-stream");
  await runContainer("alpha", name, [], ["sleep", "600"]);
  await stream.next(isContainer(name), `the event of ${name}`);
}

/** A logs stream shown to be flowing: a container printing a line every 0.2 s, and lines arriving. */
async function flowingLogs(credentials: SseCredentials): Promise<Stream> {
  const name = uniqueName("it-stream-logs");
  await runContainer(
    "alpha",
    name,
    [],
    ["sh", "-c", "i=0; while :; do i=$((i+1)); echo line $i; sleep 0.2; done"],
  );
  const stream = await openSse(`/api/containers/alpha/${name}/logs?tail=10`, {
    url: wharf.url,
    ...credentials,
  });
  const lines = (received: { event: string; data: unknown }[]) =>
    received.filter((m) => m.event === "lines").flatMap((m) => (m.data as LinesEvent).lines);
  const seen = lines(stream.received).length;
  await stream.until((received) => lines(received).length >= seen + 3, "new log lines");
  return stream;
}

/** The stream ends with `end` naming why, as its last message, and the server closes it. */
async function expectEnd(stream: Stream, reason: string): Promise<void> {
  const end = await stream.next((m) => m.event === "end", `the stream to end (${reason})`);
  expect(end.data).toEqual({ reason });
  await stream.until(() => stream.ended, "the server to close the stream");
  expect(stream.received.at(-1)).toEqual(end);
}

async function refused(pathname: string, credentials: SseCredentials): Promise<number> {
  const headers: Record<string, string> = credentials.cookie
    ? { cookie: credentials.cookie }
    : { authorization: `Bearer ${credentials.token}` };
  const answer = await fetch(`${wharf.url}${pathname}`, { headers });
  await answer.body?.cancel();
  return answer.status;
}

describe("open streams end when their caller loses the right to read them", () => {
  it("ends the fleet stream and a log stream of a revoked API token, and no other token's stream", async () => {
    const revoked = await newToken();
    const other = await newToken();
    const events = await flowingEvents(revoked.bearer);
    const logs = await flowingLogs(revoked.bearer);
    const bystander = await flowingEvents(other.bearer);
    try {
      await json(send("DELETE", `/api/tokens/${revoked.id}`));
      await expectEnd(events, "token revoked");
      await expectEnd(logs, "token revoked");
      expect(await refused("/api/events", revoked.bearer)).toBe(401);

      await containerShows(bystander);
      expect(bystander.ended).toBe(false);
    } finally {
      await Promise.all([events.close(), logs.close(), bystander.close()]);
    }
  });

  it("ends the fleet stream and the stats stream of a user who is disabled", async () => {
    const user = await newUser();
    const session = await signIn(user.username);
    const events = await flowingEvents(session);
    const name = uniqueName("it-stream-stats");
    await runContainer("alpha", name, [], ["sleep", "600"]);
    const stats = await openSse(`/api/containers/alpha/${name}/stats`, { url: wharf.url, ...session });
    try {
      await stats.next((m) => m.event === "sample", "a stats sample");
      await json(send("PATCH", `/api/users/${user.id}`, { disabled: true }));
      await expectEnd(events, "user disabled");
      await expectEnd(stats, "user disabled");
    } finally {
      await Promise.all([events.close(), stats.close()]);
    }
  });

  it("ends the streams of a user token when its owner is disabled, and refuses the token", async () => {
    const username = uniqueName("asw-stream-owner");
    const { user } = await json<{ user: { id: number } }>(
      send("POST", "/api/users", { username, password: PASSWORD, role: "admin" }),
    );
    const session = await signIn(username);
    const made = await json<{ token: string }>(
      fetch(`${wharf.url}/api/tokens`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: session.cookie!, origin: wharf.url },
        body: JSON.stringify({ name: uniqueName("asw-owned"), role: "viewer" }),
      }),
    );
    const bearer = { token: made.token };
    const events = await flowingEvents(bearer);
    const logs = await flowingLogs(bearer);
    try {
      await json(send("PATCH", `/api/users/${user.id}`, { disabled: true }));
      await expectEnd(events, "user disabled");
      await expectEnd(logs, "user disabled");
      expect(await refused("/api/events", bearer)).toBe(401);
    } finally {
      await Promise.all([events.close(), logs.close()]);
    }
  });

  it("ends every stream of a user whose password is changed", async () => {
    const user = await newUser();
    const session = await signIn(user.username);
    const events = await flowingEvents(session);
    const logs = await flowingLogs(session);
    try {
      await json(send("PATCH", `/api/users/${user.id}`, { password: "a-brand-new-password" }));
      await expectEnd(events, "password changed");
      await expectEnd(logs, "password changed");
      expect(await refused("/api/events", session)).toBe(401);
    } finally {
      await Promise.all([events.close(), logs.close()]);
    }
  });

  it("ends the stream of a session that signs out, and not that of the same user's other session", async () => {
    const user = await newUser();
    const leaving = await signIn(user.username);
    const staying = await signIn(user.username);
    const events = await flowingEvents(leaving);
    const other = await flowingEvents(staying);
    try {
      const logout = await fetch(`${wharf.url}/api/auth/logout`, {
        method: "POST",
        headers: { cookie: leaving.cookie!, origin: wharf.url },
      });
      expect(logout.status).toBe(200);
      await expectEnd(events, "signed out");

      await containerShows(other);
      expect(other.ended).toBe(false);
    } finally {
      await Promise.all([events.close(), other.close()]);
    }
  });

  it("ends the stream of a token when it expires, found by the periodic re-check", async () => {
    const expiring = await newToken(new Date(Date.now() + 3_000).toISOString());
    const events = await openEvents({ url: wharf.url, ...expiring.bearer });
    try {
      await events.next((m) => m.event === "snapshot", "the snapshot");
      await expectEnd(events, "token expired");
    } finally {
      await events.close();
    }
  });
});
