// P6 — the server's memory with a big fleet and many live clients: RSS of Wharf's own processes (the start.mjs
// launcher and the next-server it runs), read from /proc while 50 event streams are open.
import { openEventStream } from "./sse-client.mjs";
import { log, sleep } from "./log.mjs";
import { wharfProcesses } from "./wharf-server.mjs";

/** The process that serves the requests (Next's), of Wharf's processes. */
export function servingProcess(server, processes = wharfProcesses(server)) {
  return processes.find((p) => p.command.startsWith("next-server")) ?? processes.at(-1);
}

/** RSS now, summed over Wharf's processes, plus the serving process alone. */
export function wharfMemory(server) {
  const processes = wharfProcesses(server);
  const serving = servingProcess(server, processes);
  return {
    totalMb: processes.reduce((sum, p) => sum + p.rssMb, 0),
    servingMb: serving.rssMb,
    servingPeakMb: serving.peakMb,
    processes: processes.map((p) => `${p.pid} ${p.command.split(" ")[0]} ${p.rssMb.toFixed(0)} MB`),
  };
}

/** RSS with `clients` event streams open, and just before they were opened (same fleet, same process). */
export async function measureMemoryWithClients({ server, clients }) {
  const before = wharfMemory(server);
  const streams = Array.from({ length: clients }, () =>
    openEventStream(`${server.url}/api/events`, { headers: server.headers }),
  );
  try {
    const snapshots = await Promise.all(streams.map((s) => s.snapshot));
    const snapshotMb = snapshots[0].bytes / 1e6;
    // Let the snapshots' garbage be collected, or RSS measures a transient peak rather than the steady state.
    await sleep(3_000);
    const memory = wharfMemory(server);
    log(
      `P6 memory: ${clients} streams open (snapshot ${snapshotMb.toFixed(1)} MB each), Wharf RSS ${memory.totalMb.toFixed(0)} MB`,
    );
    return { ...memory, snapshotMb, before };
  } finally {
    streams.forEach((s) => s.close());
  }
}
