import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseFleetConfig } from "@/lib/docker/parse-fleet-config";
import { withDeadline } from "@/lib/docker/with-deadline";
import { readHost } from "@/lib/fleet/live/read-host";
import {
  fleetFile,
  removeTestContainers,
  runContainer,
  TEST_LABEL,
  TEST_RUN,
  uniqueName,
} from "../support/fleet";

const HOST = "alpha";
// More containers that ran than a host read inspects at once, so every lane of the read is busy together.
const COUNT = 24;

beforeAll(async () => {
  await removeTestContainers(HOST);
  const prefix = uniqueName("it-read");
  await Promise.all(
    Array.from({ length: COUNT }, (_, i) => runContainer(HOST, `${prefix}-${i}`, [], ["true"])),
  );
}, 120_000);
afterAll(() => removeTestContainers(HOST));

describe("a host read", () => {
  it("inspects every container that ran under one deadline, and Node warns of no listener leak", async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on("warning", onWarning);
    try {
      const host = parseFleetConfig(fleetFile, readFileSync(fleetFile, "utf8")).find((h) => h.id === HOST)!;
      // As the host watcher reads: the read's deadline joined with the session's end.
      const session = new AbortController();
      const read = await withDeadline(
        (deadline) => readHost(host, AbortSignal.any([deadline, session.signal])),
        60_000,
      );
      const own = read.inspected.filter((item) => item.Config.Labels?.[TEST_LABEL] === TEST_RUN);
      expect(own).toHaveLength(COUNT);
      // Node emits its warnings on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((warning) => warning.name === "MaxListenersExceededWarning")).toEqual([]);
    } finally {
      process.off("warning", onWarning);
    }
  });
});
