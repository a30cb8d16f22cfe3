import { describe, expect, it } from "vitest";
import { dependencyOrder } from "./copy-order";

describe("dependencyOrder", () => {
  it("puts every table a foreign key names before the table holding the key", () => {
    const order = dependencyOrder(
      ["sessions", "users", "alert_deliveries", "alert_outbox", "alert_channels", "audit_log"],
      [
        ["sessions", "users"],
        ["alert_deliveries", "alert_outbox"],
        ["alert_deliveries", "alert_channels"],
        ["alert_outbox", "alert_channels"],
      ],
    );
    expect(order).toEqual([
      "alert_channels",
      "audit_log",
      "users",
      "alert_outbox",
      "sessions",
      "alert_deliveries",
    ]);
  });

  it("refuses keys that form a cycle, naming the tables", () => {
    expect(() =>
      dependencyOrder(
        ["a", "b", "c"],
        [
          ["a", "b"],
          ["b", "a"],
        ],
      ),
    ).toThrow("The foreign keys between a, b form a cycle");
  });
});
