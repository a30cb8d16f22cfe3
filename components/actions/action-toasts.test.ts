import { describe, expect, it } from "vitest";
import type { ActionResult } from "@/lib/actions/types";
import type { BulkRestartResult } from "@/lib/queries/use-bulk-restart";
import { bulkToast, outcomeToast } from "./action-toasts";

const result = (outcome: ActionResult["outcome"], message: string) => ({ outcome, message }) as ActionResult;
const bulk = (name: string, outcome: BulkRestartResult["outcome"], message = "ok"): BulkRestartResult => ({
  hostId: "alpha",
  name,
  historyId: outcome ? 1 : null,
  outcome,
  message,
});

describe("outcomeToast", () => {
  it("colours each outcome and keeps the server's message", () => {
    expect(outcomeToast("redeploy", "web", result("succeeded", "web now runs shop:2"))).toEqual({
      tone: "success",
      outcome: "succeeded",
      title: "Redeploy of web succeeded",
      message: "web now runs shop:2",
    });
    expect(outcomeToast("redeploy", "web", result("no-change", "x")).tone).toBe("neutral");
    expect(outcomeToast("redeploy", "web", result("rolled-back", "x")).tone).toBe("warning");
    expect(outcomeToast("rollback", "web", result("failed", "x"))).toMatchObject({
      tone: "error",
      title: "Rollback of web failed",
    });
  });
});

describe("bulkToast", () => {
  it("counts a bulk restart that went well", () => {
    expect(bulkToast([bulk("a", "succeeded"), bulk("b", "no-change")])).toMatchObject({
      tone: "success",
      title: "Restarted 2 containers",
      message: "a, b",
    });
  });

  it("names what failed, and why", () => {
    const toast = bulkToast([
      bulk("a", "succeeded"),
      bulk("b", null, 'A restart is already running on container "b"'),
    ]);
    expect(toast).toMatchObject({
      tone: "error",
      outcome: "failed",
      title: "1 of 2 containers could not be restarted",
    });
    expect(toast.message).toBe('b on alpha: A restart is already running on container "b"');
  });

  it("says so when there was nothing to restart", () => {
    expect(bulkToast([])).toMatchObject({ tone: "neutral", title: "Nothing to restart" });
  });
});
