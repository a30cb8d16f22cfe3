import "server-only";
import pg from "pg";
import { WharfError } from "@/lib/core/errors";
import { describeConnectError } from "./describe-connect-error";

/**
 * One PostgreSQL connection of its own, outside the pool: what lives in a session (an advisory lock, a LISTEN)
 * lives exactly as long as this connection, and a pool would hand the session to other queries or drop it.
 */
export type DedicatedConnection = {
  /** The server process serving this connection (pg_terminate_backend ends it). */
  readonly pid: number;
  query<Row>(text: string, values?: unknown[]): Promise<Row[]>;
  /** LISTEN on a channel; each NOTIFY's payload is passed on. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<void>;
  /** Called once when the connection is gone, whoever ended it (server, network, close()). */
  onLost(handler: (reason: string) => void): void;
  close(): Promise<void>;
};

/** Opens a dedicated connection; one that cannot be made is an UNAVAILABLE error naming the host and the reason. */
export async function openDedicatedConnection(
  url: string,
  host: string,
  connectTimeoutMs = 5_000,
): Promise<DedicatedConnection> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: connectTimeoutMs });
  const lost: ((reason: string) => void)[] = [];
  let gone: string | null = null;
  const end = (reason: string) => {
    if (gone !== null) return;
    gone = reason;
    for (const handler of lost.splice(0)) handler(reason);
  };
  // A server-side termination arrives as an error event: without a listener it would crash the process.
  client.on("error", (error) => end(describeConnectError(error)));
  client.on("end", () => end("the connection ended"));
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw new WharfError("UNAVAILABLE", `Cannot use the database at ${host}: ${describeConnectError(error)}`);
  }
  const pid = (client as unknown as { processID: number }).processID;
  return {
    pid,
    query: async <Row>(text: string, values?: unknown[]) =>
      (await client.query(text, values as unknown[])).rows as Row[],
    listen: async (channel, onPayload) => {
      client.on("notification", (message) => {
        if (message.channel === channel && message.payload !== undefined) onPayload(message.payload);
      });
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    },
    onLost: (handler) => {
      if (gone !== null) handler(gone);
      else lost.push(handler);
    },
    close: async () => {
      end("closed");
      await client.end().catch(() => {});
    },
  };
}
