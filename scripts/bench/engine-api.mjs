// The Docker Engine API over each engine's unix socket, with nothing in between: this is both how the bench
// sets up its containers and the "plain client" every Wharf figure is compared against.
import http from "node:http";

const API = "/v1.41";

/** One engine of the dev fleet, reached through its unix socket (the same engine Wharf reaches its own way). */
export function engine(id) {
  return {
    id,
    // The same override as scripts/fleet-lib.sh.
    socketPath: `${process.env.WHARF_FLEET_RUN || "/run/wharf-fleet"}/${id}.sock`,
    // Keep-alive, like Wharf's own clients: neither side should pay a connection setup per request.
    agent: new http.Agent({ keepAlive: true, maxSockets: 64 }),
  };
}

/** One request; resolves with status, headers and the whole body (a Buffer). */
export function request(eng, method, path, body) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = http.request(
      {
        socketPath: eng.socketPath,
        agent: eng.agent,
        method,
        path: API + path,
        headers: {
          host: "docker",
          ...(payload ? { "content-type": "application/json", "content-length": payload.length } : {}),
        },
      },
      (res) => {
        const chunks = [];
        res.on("data", (chunk) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

/** A request that must succeed; the engine's own message becomes the error. */
export async function call(eng, method, path, body) {
  const res = await request(eng, method, path, body);
  if (res.status >= 300 && res.status !== 304) {
    throw new Error(`${eng.id}: ${method} ${path} → ${res.status} ${res.body.toString("utf8").trim()}`);
  }
  return res.body.length > 0 && String(res.headers["content-type"]).includes("json")
    ? JSON.parse(res.body)
    : null;
}

export const listContainers = (eng, filters) =>
  call(
    eng,
    "GET",
    `/containers/json?all=1${filters ? `&filters=${encodeURIComponent(JSON.stringify(filters))}` : ""}`,
  );

export const engineVersion = (eng) => call(eng, "GET", "/version");

/** Creates (and optionally starts) a container; always without a network, as the shared engines require. */
export async function createContainer(eng, { name, cmd, labels, start = false }) {
  const created = await call(eng, "POST", `/containers/create?name=${encodeURIComponent(name)}`, {
    Image: "localhost/busybox:1",
    Cmd: cmd,
    Labels: labels,
    HostConfig: { NetworkMode: "none" },
  });
  if (start) await call(eng, "POST", `/containers/${created.Id}/start`);
  return created.Id;
}

export async function removeContainer(eng, id) {
  const res = await request(eng, "DELETE", `/containers/${id}?force=1&v=1`);
  // Already gone is fine: removal runs at the start, at the end and after failures.
  if (res.status !== 204 && res.status !== 404 && res.status !== 409) {
    throw new Error(`${eng.id}: remove ${id} → ${res.status} ${res.body.toString("utf8").trim()}`);
  }
}

/** `docker exec` without attaching: returns once the engine has started the process. */
export async function exec(eng, id, cmd) {
  const created = await call(eng, "POST", `/containers/${id}/exec`, {
    Cmd: cmd,
    AttachStdout: false,
    AttachStderr: false,
  });
  await call(eng, "POST", `/exec/${created.Id}/start`, { Detach: true });
}

/**
 * A plain `GET /events` subscription: the baseline client. `onEvent(event, receivedAtMs)` gets every event with
 * the wall-clock time its line arrived. Resolves once the engine has accepted the subscription.
 */
export function subscribeEvents(eng, filters, onEvent, now) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        socketPath: eng.socketPath,
        method: "GET",
        path: `${API}/events?filters=${encodeURIComponent(JSON.stringify(filters))}`,
        headers: { host: "docker" },
      },
      (res) => {
        if (res.statusCode !== 200) return reject(new Error(`${eng.id}: GET /events → ${res.statusCode}`));
        let buffered = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => {
          const receivedAt = now();
          buffered += chunk;
          let newline;
          while ((newline = buffered.indexOf("\n")) >= 0) {
            const line = buffered.slice(0, newline).trim();
            buffered = buffered.slice(newline + 1);
            if (line) onEvent(JSON.parse(line), receivedAt);
          }
        });
        res.on("error", () => {});
        resolve({ close: () => req.destroy() });
      },
    );
    req.on("error", reject);
    req.end();
  });
}
