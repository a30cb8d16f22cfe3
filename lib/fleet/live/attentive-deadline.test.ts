import { once } from "node:events";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { DeadlineError } from "@/lib/docker/with-deadline";
import { withAttentiveDeadline } from "./attentive-deadline";

const DEADLINE_MS = 200;

/** A connected pair of sockets on loopback: the far end plays the engine. */
async function socketPair() {
  const server = net.createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as net.AddressInfo;
  const accepted = once(server, "connection") as Promise<[net.Socket]>;
  const near = net.connect(port, "127.0.0.1");
  await once(near, "connect");
  const [far] = await accepted;
  return { near, far, close: () => (near.destroy(), far.destroy(), server.close()) };
}

/** This process doing nothing else for `ms` (a storm's work on another host, or the CPU taken by it). */
function stall(ms: number) {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

const firstData = (socket: net.Socket) => once(socket, "data").then(([chunk]) => String(chunk));

let close = () => {};
afterEach(() => close());

describe("a ping's deadline counts only the time Wharf could hear the answer", () => {
  it("takes an answer that arrived while this process was stalled past the deadline", async () => {
    const pair = await socketPair();
    close = pair.close;
    const ping = withAttentiveDeadline(() => firstData(pair.near), DEADLINE_MS);
    // The engine answers at once, but Wharf only gets to read it after a stall longer than the deadline.
    pair.far.write("pong");
    stall(DEADLINE_MS * 3);
    await expect(ping).resolves.toBe("pong");
  });

  it("fails an engine that stays silent while this process is free to listen", async () => {
    const pair = await socketPair();
    close = pair.close;
    let aborted = false;
    const ping = withAttentiveDeadline((signal) => {
      signal.addEventListener("abort", () => (aborted = true));
      return firstData(pair.near);
    }, DEADLINE_MS);
    await expect(ping).rejects.toBeInstanceOf(DeadlineError);
    expect(aborted).toBe(true);
  });

  it("still fails a silent engine when this process stalls now and then", async () => {
    const pair = await socketPair();
    close = pair.close;
    const ping = withAttentiveDeadline(() => firstData(pair.near), DEADLINE_MS);
    stall(DEADLINE_MS * 3);
    await expect(ping).rejects.toBeInstanceOf(DeadlineError);
  });
});
