import { afterEach, describe, expect, it, vi } from "vitest";
import { KeyedLock } from "./keyed-lock";
import { setReplicaLocks } from "./replica-locks";

const busy = (running: string | null, hostId: string, name: string) =>
  `${running ?? "another replica's action"} on ${name}@${hostId}`;

describe("KeyedLock", () => {
  afterEach(() => {
    vi.useRealTimers();
    setReplicaLocks(null);
  });

  it("refuses a second action on the same object with a 409 naming the first, and lets others run", async () => {
    const lock = new KeyedLock<"restart" | "redeploy">("test-refuse", busy);
    let release!: () => void;
    const first = lock.run("alpha", "web", "redeploy", () => new Promise<void>((r) => (release = r)));
    await expect(lock.run("alpha", "web", "restart", async () => 1)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "redeploy on web@alpha",
    });
    await expect(lock.run("bravo", "web", "restart", async () => 2)).resolves.toBe(2);
    expect(lock.running("alpha", "web")).toBe("redeploy");
    release();
    await first;
    expect(lock.running("alpha", "web")).toBeUndefined();
    await expect(lock.run("alpha", "web", "restart", async () => 3)).resolves.toBe(3);
  });

  it("frees the object when the action fails", async () => {
    const lock = new KeyedLock<"restart">("test-fail", busy);
    await expect(
      lock.run("alpha", "web", "restart", () => Promise.reject(new Error("boom"))),
    ).rejects.toThrow("boom");
    expect(lock.running("alpha", "web")).toBeUndefined();
  });

  it("counts an event dated before the action's end and arriving just after as the action's own", async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const lock = new KeyedLock<"restart">("test-acted", busy);
    await lock.run("alpha", "web", "restart", async () => {
      expect(lock.actedOn("alpha", "web", Date.now())).toBe(true);
    });
    const end = Date.now();
    vi.advanceTimersByTime(500);
    expect(lock.actedOn("alpha", "web", end - 10)).toBe(true);
    // Someone's own command right after Wharf's action is theirs.
    expect(lock.actedOn("alpha", "web", end + 400)).toBe(false);
    vi.advanceTimersByTime(2_000);
    expect(lock.actedOn("alpha", "web", end - 10)).toBe(false);
    expect(lock.actedOn("alpha", "other", end - 10)).toBe(false);
  });

  it("shares one table between two instances of the same name, as two loads of a module would", async () => {
    const a = new KeyedLock<"restart">("test-shared", busy);
    const b = new KeyedLock<"restart">("test-shared", busy);
    let release!: () => void;
    const first = a.run("alpha", "web", "restart", () => new Promise<void>((r) => (release = r)));
    expect(b.running("alpha", "web")).toBe("restart");
    release();
    await first;
  });

  it("with replicas, refuses an object another replica holds, and takes and frees the replicas' lock itself", async () => {
    const held = new Set<string>();
    setReplicaLocks({
      tryLock: async (key) => {
        if (held.has(key)) return null;
        held.add(key);
        return async () => void held.delete(key);
      },
    });
    const lock = new KeyedLock<"restart">("test-replicas", busy);
    held.add("test-replicas/alpha/web"); // another replica's restart
    await expect(lock.run("alpha", "web", "restart", async () => 1)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "another replica's action on web@alpha",
    });
    expect(lock.running("alpha", "web")).toBeUndefined();
    held.delete("test-replicas/alpha/web");
    let holding = false;
    await expect(
      lock.run("alpha", "web", "restart", async () => ((holding = held.has("test-replicas/alpha/web")), 2)),
    ).resolves.toBe(2);
    expect(holding).toBe(true);
    expect(held.size).toBe(0);
  });
});
