import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { WharfError } from "@/lib/core/errors";
import type { AuthTables } from "@/lib/auth/db/auth-tables";
import { listAudit } from "@/lib/auth/list-audit";
import { getDatabase } from "@/lib/db/database";
import { closeDb } from "@/lib/db/db";
import { createChannel } from "./create-channel";
import type { AlertTables } from "./db/alert-tables";
import { getAlertChannel } from "./db/get-alert-channel";
import { deleteChannel } from "./delete-channel";
import { listChannels } from "./list-channels";
import { updateChannel } from "./update-channel";

// The verbs audit what they do, and the audit log is still on the legacy SQLite layer: they run on SQLite here
// (their queries run on both dialects in db/alert-outbox.test.ts).
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-dbl-channels-"));
  vi.stubEnv("DATA_DIR", dir);
  vi.stubEnv("DATABASE_URL", "");
});
afterEach(() => {
  closeDb();
  vi.unstubAllEnvs();
  fs.rmSync(dir, { recursive: true, force: true });
});
const audit = async () => listAudit(await getDatabase<AuthTables>());

const url = "https://hooks.example.com/services/T000/B000/XXXX?token=abc";
const secret = "very-secret-signing-key";
const webhook = () =>
  createChannel(
    { name: "ops", kind: "webhook", rules: { events: ["incident.opened"] }, settings: { url, secret } },
    "alice",
  );

describe("alert channels", () => {
  it("never return or audit a URL's path, query or credentials, nor a secret", async () => {
    const created = await webhook();
    expect(created.settings).toEqual({ url: "https://hooks.example.com/…", hasSecret: true });
    const everything = JSON.stringify([created, await listChannels(), await audit()]);
    for (const leak of ["T000", "token=abc", secret]) expect(everything).not.toContain(leak);
    expect((await audit()).map((e) => [e.action, e.target, e.detail])).toEqual([
      ["channel-created", "ops", "kind: webhook"],
    ]);
  });

  it("keeps secrets a change leaves out, and validates the merged settings", async () => {
    const { id } = await webhook();
    await updateChannel(id, { settings: { url: "https://other.example.com/hook" }, enabled: false }, "alice");
    expect((await getAlertChannel(await getDatabase<AlertTables>(), id))?.secrets).toEqual({
      url: "https://other.example.com/hook",
      secret,
    });
    await expect(updateChannel(id, { settings: { secret: "short" } }, "alice")).rejects.toThrow(
      /settings\.secret/,
    );
    expect(JSON.stringify(await audit())).not.toContain("other.example.com");
  });

  it("stores an email channel's password write-only", async () => {
    const created = await createChannel(
      {
        name: "mail",
        kind: "email",
        rules: { events: ["host.down"] },
        settings: {
          host: "203.0.113.25",
          port: 2525,
          user: "wharf",
          password: "smtp-password",
          from: "wharf@example.com",
          to: ["ops@example.com"],
        },
      },
      "alice",
    );
    expect(created.settings).toMatchObject({
      host: "203.0.113.25",
      port: 2525,
      user: "wharf",
      hasPassword: true,
    });
    expect(JSON.stringify(await listChannels())).not.toContain("smtp-password");
  });

  it("refuses a taken name, an unknown field, a non-http URL, and an unknown id", async () => {
    await webhook();
    await expect(webhook()).rejects.toThrow(/already exists/);
    await expect(
      createChannel(
        { name: "x", kind: "slack", rules: { events: ["host.up"] }, settings: { url: "file:///etc/passwd" } },
        "a",
      ),
    ).rejects.toThrow(/settings.url/);
    await expect(updateChannel(99, { enabled: true }, "a")).rejects.toThrow(WharfError);
    await expect(deleteChannel(99, "a")).rejects.toThrow(/not found/);
  });

  it("refuses a URL with user:pass@ without repeating it", async () => {
    const slack = (url: string) =>
      createChannel({ name: "s", kind: "slack", rules: { events: ["host.up"] }, settings: { url } }, "a");
    const refused = await slack("https://wharf:hunter22@hooks.example.com/x").catch((error: Error) => error);
    expect(refused).toBeInstanceOf(WharfError);
    expect((refused as WharfError).message).toMatch(/settings\.url.*user name or password/);
    expect(JSON.stringify([(refused as WharfError).message, (refused as WharfError).details])).not.toContain(
      "hunter22",
    );
    const { id } = await webhook();
    await expect(
      updateChannel(id, { settings: { url: "http://a:b@hooks.example.com/" } }, "a"),
    ).rejects.toThrow(/user name or password/);
  });

  it("refuses loopback, private and link-local destinations when saved, naming the address", async () => {
    for (const [url, address] of [
      ["http://127.0.0.1:23751/containers/web/kill?signal=KILL", "127.0.0.1"],
      ["http://[::ffff:10.1.2.3]/hook", "10.1.2.3"],
      ["http://169.254.169.254/latest/meta-data", "169.254.169.254"],
      ["http://[::1]:5000/v2/", "::1"],
    ] as const) {
      const name = `hook-${address.replace(/\W/g, "")}`;
      await expect(
        createChannel(
          { name, kind: "webhook", rules: { events: ["host.up"] }, settings: { url, secret } },
          "a",
        ),
      ).rejects.toThrow(
        new RegExp(`settings\\.url: refused: ${address.replace(/\./g, "\\.")} is a loopback`),
      );
    }
    expect((await listChannels()).channels).toEqual([]);
  });
});
