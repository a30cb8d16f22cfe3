import "server-only";

export type EngineStream = NodeJS.ReadableStream & { destroy(error?: Error): void };

/**
 * Reads an engine stream (logs, stats) chunk by chunk until it ends, fails or `signal` aborts. An abort
 * destroys the stream, which closes its connection to the engine: nothing keeps reading for nobody.
 */
export function pipeEngineStream(
  stream: EngineStream,
  signal: AbortSignal,
  handlers: { onChunk: (chunk: Buffer) => void; onEnd: () => void },
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const done = () => {
      signal.removeEventListener("abort", onAbort);
      stream.removeAllListeners("data");
    };
    const onAbort = () => {
      done();
      stream.destroy();
      resolve();
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    // A handler that throws (a document that does not parse) must end this stream, not the server process.
    const guarded = (work: () => void) => {
      try {
        work();
      } catch (error) {
        done();
        stream.destroy();
        reject(error);
      }
    };
    stream.on("data", (chunk: Buffer) => guarded(() => handlers.onChunk(chunk)));
    stream.on("end", () => {
      done();
      guarded(handlers.onEnd);
      resolve();
    });
    stream.on("error", (error: Error) => {
      done();
      if (signal.aborted) resolve();
      else reject(error);
    });
  });
}
