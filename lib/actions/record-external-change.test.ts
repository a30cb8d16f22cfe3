import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { kyselyOver } from "@/lib/db/database";
import { openDb, type Db } from "@/lib/db/db";
import { listHistory } from "@/lib/history/db/list-history";
import type { Host } from "@/lib/docker/host-config";
import { testRow } from "@/lib/fleet/test-row";
import type { ContainerRow } from "@/lib/fleet/types";
import { ExternalChangeRecorder } from "./record-external-change";

// The process's database as getDb() finds it.
const holder = globalThis as { __wharfDb?: Db };
const host = { id: "alpha" } as Host;

beforeEach(() => (holder.__wharfDb = openDb(":memory:")));
afterEach(() => {
  holder.__wharfDb?.close();
  delete holder.__wharfDb;
});

const seen = (recorder: ExternalChangeRecorder, next: ContainerRow) =>
  recorder.onChange({ kind: "row", host, previous: undefined, next, healthOutput: null, baseline: false });
/** What the history holds once the recorder has written everything it saw. */
const redeploys = async (recorder: ExternalChangeRecorder) => {
  await recorder.settled();
  return (await listHistory(kyselyOver(holder.__wharfDb!))).entries
    .filter((entry) => entry.source === "external" && entry.action === "redeploy")
    .map((entry) => entry.containerName);
};

describe("changes made outside Wharf", () => {
  it("records a name that comes back as another container on another image as a redeploy", async () => {
    const recorder = new ExternalChangeRecorder();
    seen(recorder, testRow("alpha", "c1", { name: "web", imageId: "sha256:old" }));
    seen(recorder, testRow("alpha", "c2", { name: "web", imageId: "sha256:new" }));
    expect(await redeploys(recorder)).toEqual(["web"]);
  });

  it("forgets the names seen longest ago once it holds its limit, however many containers come and go", async () => {
    const recorder = new ExternalChangeRecorder(2);
    seen(recorder, testRow("alpha", "a1", { name: "job-1", imageId: "sha256:old" }));
    seen(recorder, testRow("alpha", "b1", { name: "job-2", imageId: "sha256:old" }));
    // job-1 is seen again (a change of its row), so job-2 is now the one seen longest ago.
    seen(recorder, testRow("alpha", "a1", { name: "job-1", imageId: "sha256:old", state: "exited" }));
    seen(recorder, testRow("alpha", "c1", { name: "job-3", imageId: "sha256:old" }));

    seen(recorder, testRow("alpha", "a2", { name: "job-1", imageId: "sha256:new" }));
    seen(recorder, testRow("alpha", "b2", { name: "job-2", imageId: "sha256:new" }));
    expect(await redeploys(recorder)).toEqual(["job-1"]);
  });
});
