import net from "node:net";

/**
 * A TCP relay in front of an engine, which a test can cut (refuse new connections and drop open ones, like a
 * network failure) and restore on the same port, or freeze: connections are still accepted but no byte passes
 * either way, as with an engine whose process is stopped (SIGSTOP) or a host that hangs; thaw lets it all through.
 */
export async function startRelay(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  const pairs = new Set<[net.Socket, net.Socket]>();
  let held: net.Socket[] = [];
  let frozen = false;
  let server: net.Server | null = null;
  let port = 0;

  const relay = (client: net.Socket) => {
    const upstream = net.connect(target.port, target.host);
    const pair: [net.Socket, net.Socket] = [client, upstream];
    pairs.add(pair);
    for (const socket of pair) {
      sockets.add(socket);
      socket.on("close", () => (sockets.delete(socket), pairs.delete(pair)));
      socket.on("error", () => {});
    }
    client.pipe(upstream).pipe(client);
  };

  const listen = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        if (!frozen) return relay(client);
        // Accepted, as the kernel does for a stopped process, and left unanswered until thawed.
        client.pause();
        sockets.add(client);
        client.on("close", () => sockets.delete(client));
        client.on("error", () => {});
        held.push(client);
      });
      server.listen(port, "127.0.0.1", () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });

  await listen();
  return {
    get port() {
      return port;
    },
    async cut() {
      const closed = new Promise((resolve) => server?.close(resolve));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
    restore: listen,
    freeze() {
      frozen = true;
      for (const [client, upstream] of pairs) {
        client.unpipe(upstream);
        upstream.unpipe(client);
        client.pause();
        upstream.pause();
      }
    },
    thaw() {
      frozen = false;
      for (const [client, upstream] of pairs) client.pipe(upstream).pipe(client);
      const waiting = held.filter((client) => !client.destroyed);
      held = [];
      for (const client of waiting) {
        sockets.delete(client);
        relay(client);
        client.resume();
      }
    },
    async stop() {
      await this.cut();
    },
  };
}
