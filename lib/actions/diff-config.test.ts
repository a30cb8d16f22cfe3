import { describe, expect, it } from "vitest";
import { diffConfig } from "./diff-config";

const doc = (env: string[], extra: Record<string, unknown> = {}) => ({
  Config: { Env: env, Hostname: "abc", ...extra },
  HostConfig: { Memory: 0 },
  Image: "sha256:1",
});

describe("diffConfig", () => {
  it("names the environment keys added, removed and changed, and never their values", () => {
    const changes = diffConfig(
      doc(["SECRET=old-secret", "GONE=bye-value", "SAME=1", "PATH=/bin"]),
      doc(["SECRET=new-secret", "NEW=hello-value", "SAME=1", "PATH=/bin"]),
    );
    expect(changes).toEqual([
      { field: "Config.Env", added: ["NEW"], removed: ["GONE"], changed: ["SECRET"] },
    ]);
    expect(JSON.stringify(changes)).not.toMatch(/secret|bye|hello/);
  });

  it("keeps before and after for other fields, and skips what differs on every recreate", () => {
    const changes = diffConfig(
      { ...doc([], { User: "1" }), Image: "sha256:1" },
      { ...doc([], { User: "2", Hostname: "def" }), Image: "sha256:2" },
    );
    expect(changes).toEqual([
      { field: "Image (id)", before: "sha256:1", after: "sha256:2" },
      { field: "Config.User", before: "1", after: "2" },
    ]);
  });
});
