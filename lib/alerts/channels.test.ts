import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WharfError } from "@/lib/core/errors";
import { listAudit } from "@/lib/auth/list-audit";
import { getAlertChannel } from "@/lib/db/get-alert-channel";
import { openDb, type Db } from "@/lib/db/db";
import { createChannel } from "./create-channel";
import { deleteChannel } from "./delete-channel";
import { listChannels } from "./list-channels";
import { updateChannel } from "./update-channel";

let db: Db;
beforeEach(() => {
  db = openDb(":memory:");
});
afterEach(() => db.close());

const url = "https://user:pw@hooks.example.com/services/T000/B000/XXXX?token=abc";
const secret = "very-secret-signing-key";
const webhook = () =>
  createChannel(
    db,
    { name: "ops", kind: "webhook", rules: { events: ["incident.opened"] }, settings: { url, secret } },
    "alice",
  );

describe("notification channels", () => {
  it("never return or audit a URL's path, query or credentials, nor a secret", () => {
    const created = webhook();
    expect(created.settings).toEqual({ url: "https://hooks.example.com/…", hasSecret: true });
    const everything = JSON.stringify([created, listChannels(db), listAudit(db)]);
    for (const leak of ["T000", "token=abc", "user:pw", secret]) expect(everything).not.toContain(leak);
    expect(listAudit(db).map((e) => [e.action, e.target, e.detail])).toEqual([
      ["channel-created", "ops", "kind: webhook"],
    ]);
  });

  it("keeps secrets a change leaves out, and validates the merged settings", () => {
    const { id } = webhook();
    updateChannel(db, id, { settings: { url: "https://other.example.com/hook" }, enabled: false }, "alice");
    expect(getAlertChannel(db, id)?.secrets).toEqual({ url: "https://other.example.com/hook", secret });
    expect(() => updateChannel(db, id, { settings: { secret: "short" } }, "alice")).toThrow(
      /settings\.secret/,
    );
    expect(JSON.stringify(listAudit(db))).not.toContain("other.example.com");
  });

  it("stores an email channel's password write-only", () => {
    const created = createChannel(
      db,
      {
        name: "mail",
        kind: "email",
        rules: { events: ["host.down"] },
        settings: {
          host: "127.0.0.1",
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
      host: "127.0.0.1",
      port: 2525,
      user: "wharf",
      hasPassword: true,
    });
    expect(JSON.stringify(listChannels(db))).not.toContain("smtp-password");
  });

  it("refuses a taken name, an unknown field, a non-http URL, and an unknown id", () => {
    webhook();
    expect(() => webhook()).toThrow(/already exists/);
    expect(() =>
      createChannel(
        db,
        { name: "x", kind: "slack", rules: { events: ["host.up"] }, settings: { url: "file:///etc/passwd" } },
        "a",
      ),
    ).toThrow(/settings.url/);
    expect(() => updateChannel(db, 99, { enabled: true }, "a")).toThrow(WharfError);
    expect(() => deleteChannel(db, 99, "a")).toThrow(/not found/);
  });
});
