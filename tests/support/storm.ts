// A storm of deaths at one moment: containers block reading one named pipe (bind-mounted from this machine),
// and opening it for writing and closing it gives every reader EOF together. Created through the engine's API
// over its socket, a few at a time: a CLI process per container would cost more than the containers.
import { execFile } from "node:child_process";
import { closeSync, constants, mkdtempSync, openSync, rmSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { runDir, TEST_LABEL, TEST_RUN, type Engine } from "./fleet";

const IN_FLIGHT = 8;

function call(engine: Engine, method: string, pathname: string, body?: unknown): Promise<unknown> {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        socketPath: `${runDir}/${engine}.sock`,
        method,
        path: `/v1.41${pathname}`,
        headers: payload ? { "content-type": "application/json", "content-length": payload.length } : {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          if ((res.statusCode ?? 500) >= 300) reject(new Error(`${engine}: ${method} ${pathname} → ${text}`));
          else resolve(text ? JSON.parse(text) : null);
        });
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

export type Storm = { dir: string; names: string[]; release: () => void; dispose: () => void };

/** Starts `count` containers named `${prefix}-N` that exit 3 when released; resolves once all are started. */
export async function prepareStorm(engine: Engine, prefix: string, count: number): Promise<Storm> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "wharf-storm-"));
  await promisify(execFile)("mkfifo", ["-m", "0666", path.join(dir, "fifo")]);
  const names = Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
  let next = 0;
  const worker = async () => {
    while (next < names.length) {
      const name = names[next++]!;
      const created = (await call(engine, "POST", `/containers/create?name=${name}`, {
        Image: "localhost/busybox:1",
        Cmd: ["sh", "-c", "cat /storm/fifo >/dev/null; exit 3"],
        Labels: { [TEST_LABEL]: TEST_RUN },
        HostConfig: { NetworkMode: "none", Binds: [`${dir}:/storm:ro`] },
      })) as { Id: string };
      await call(engine, "POST", `/containers/${created.Id}/start`);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return {
    dir,
    names,
    // Non-blocking: with no reader left it throws (ENXIO) instead of hanging the test.
    release: () => closeSync(openSync(path.join(dir, "fifo"), constants.O_WRONLY | constants.O_NONBLOCK)),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
