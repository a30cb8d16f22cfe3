import "server-only";
import type { Host } from "./host-config";
import { getStreamClient } from "./get-client";
import { registryAuthFor } from "./registry-auth";

export type PullProgress = { status: string; fraction: number | null; current: number; total: number };

/**
 * Pulls an image reference, reporting overall progress (bytes of all layers together) as the engine streams
 * it. Resolves when the engine says the pull is complete; rejects with the registry's error otherwise.
 */
export async function pullImage(
  host: Host,
  ref: string,
  onProgress: (progress: PullProgress) => void,
): Promise<void> {
  const client = getStreamClient(host);
  const authconfig = registryAuthFor(ref);
  const stream = (await client.pull(ref, authconfig ? { authconfig } : {})) as NodeJS.ReadableStream;
  const layers = new Map<string, { current: number; total: number }>();
  await new Promise<void>((resolve, reject) => {
    client.modem.followProgress(
      stream,
      (error: Error | null) => (error ? reject(error) : resolve()),
      (event: {
        status?: string;
        id?: string;
        error?: string;
        progressDetail?: { current?: number; total?: number };
      }) => {
        if (event.error) return reject(new Error(event.error));
        if (event.id && event.progressDetail?.total) {
          layers.set(event.id, {
            current: event.progressDetail.current ?? 0,
            total: event.progressDetail.total,
          });
        }
        let current = 0;
        let total = 0;
        for (const layer of layers.values()) {
          current += layer.current;
          total += layer.total;
        }
        onProgress({
          status: event.status ?? "",
          fraction: total > 0 ? Math.min(1, current / total) : null,
          current: Math.min(current, total),
          total,
        });
      },
    );
  });
}
