import "server-only";
import { readFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { Client, type ClientChannel } from "ssh2";
import { knownHostName, parseKnownHosts, verifyHostKey } from "./known-hosts";

export type SshTarget = {
  host: string;
  port: number;
  username: string;
  /** known_hosts text from the fleet file; without it, the user's own files, read at each connection. */
  knownHosts?: { text: string; source: string };
  /** A private key from the fleet file (`identityFile`): then the only key offered, as ssh's IdentitiesOnly. */
  privateKey?: string;
  readyTimeoutMs: number;
};

/**
 * An HTTP agent whose connections are `docker system dial-stdio` run over SSH on the host: the Docker API spoken
 * through the remote CLI, as `docker -H ssh://…` does. Wharf's own (not docker-modem's) for three reasons: the
 * host key is verified against known_hosts, a failure says why (an unknown or changed host key, a refused key,
 * a missing docker CLI) instead of "socket hang up", and keep-alive reuses a connection for the next request
 * instead of paying an SSH handshake for each one.
 */
export function sshHttpAgent(target: SshTarget): http.Agent {
  const agent = new http.Agent({ keepAlive: true, maxFreeSockets: 2 });
  agent.createConnection = ((
    _options: unknown,
    callback: (error: Error | null, socket?: unknown) => void,
  ) => {
    dialStdio(target, callback);
    return undefined;
  }) as unknown as typeof agent.createConnection;
  return agent;
}

function dialStdio(target: SshTarget, callback: (error: Error | null, socket?: ClientChannel) => void): void {
  const conn = new Client();
  const where = `${target.username}@${knownHostName(target.host, target.port)}`;
  let rejected: string | undefined;
  const keysOffered = target.privateKey
    ? "the host's identityFile"
    : process.env.SSH_AUTH_SOCK
      ? "the keys of the agent at SSH_AUTH_SOCK"
      : "none: SSH_AUTH_SOCK is not set and the host has no identityFile";
  let channel: ClientChannel | undefined;
  let settled = false;
  const settle = (error: Error | null, socket?: ClientChannel) => {
    if (settled) return;
    settled = true;
    callback(error, socket);
  };
  conn.on("error", (error: Error & { code?: string; level?: string }) => {
    const failure = describe(error, where, rejected, keysOffered);
    conn.end();
    if (channel) fail(channel, failure);
    else settle(failure);
  });
  conn.on("close", () => settle(new Error(`the SSH connection to ${where} closed before docker answered`)));
  conn.on("ready", () => {
    conn.exec("docker system dial-stdio", (error, stream) => {
      if (error) {
        conn.end();
        settle(new Error(`SSH to ${where} could not run docker system dial-stdio: ${error.message}`));
        return;
      }
      channel = asSocket(stream);
      let stderr = "";
      stream.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-500)));
      // A host without the docker CLI, or whose CLI cannot reach its engine, ends the channel at once: that
      // sentence is the reason, not the HTTP parser's "socket hang up".
      stream.on("exit", (code: number | null) => {
        if (code) {
          const said = stderr.trim().split("\n").pop() || `exit code ${code}`;
          fail(stream, new Error(`docker system dial-stdio failed on ${where}: ${said}`));
        }
      });
      stream.on("close", () => conn.end());
      settle(null, channel);
    });
  });
  try {
    conn.connect({
      host: target.host,
      port: target.port,
      username: target.username,
      // A host with its own key uses that key alone: the agent's keys would be tried first and could log in as
      // someone else, or use up the server's MaxAuthTries.
      ...(target.privateKey
        ? { privateKey: target.privateKey }
        : { agent: process.env.SSH_AUTH_SOCK || undefined }),
      readyTimeout: target.readyTimeoutMs,
      hostVerifier: (key: Buffer) => {
        const known = target.knownHosts ?? userKnownHosts();
        const verdict = verifyHostKey(
          parseKnownHosts(known.text),
          target.host,
          target.port,
          key,
          known.source,
        );
        if (!verdict.ok) rejected = verdict.reason;
        return verdict.ok;
      },
    });
  } catch (error) {
    settle(describe(error as Error, where, rejected, keysOffered));
  }
}

/** An SSH channel's destroy() takes no error: the HTTP request on it learns why through its "error" event. */
function fail(stream: ClientChannel, error: Error): void {
  if (stream.listenerCount("error") > 0) stream.emit("error", error);
  stream.close();
}

/** ssh's own defaults when the fleet file names no knownHosts: the user's file, then the machine's. */
function userKnownHosts(): { text: string; source: string } {
  const files = [path.join(os.homedir(), ".ssh", "known_hosts"), "/etc/ssh/ssh_known_hosts"];
  const text = files.map((file) => readOrEmpty(file)).join("\n");
  return { text, source: files.join(" and ") };
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

function describe(
  error: Error & { code?: string; level?: string },
  where: string,
  rejected: string | undefined,
  keysOffered: string,
): Error {
  let message = error.message;
  if (rejected) message = `SSH to ${where} refused: ${rejected}`;
  else if (/authentication methods failed/i.test(message))
    message = `SSH to ${where}: authentication failed, the server accepted none of the keys offered (${keysOffered})`;
  else if (!error.code) message = `SSH to ${where}: ${message}`;
  return Object.assign(new Error(message), error.code ? { code: error.code } : {});
}

/**
 * Node's HTTP client and agent treat their connection as a net.Socket; an SSH channel is a plain duplex stream.
 * These are the socket methods they call: keep-alive and no-delay mean nothing on a channel, and the idle
 * timeout is kept here (the request's own timeout relies on it).
 */
function asSocket(stream: ClientChannel): ClientChannel {
  const socket = stream as ClientChannel & Record<string, unknown>;
  let timer: NodeJS.Timeout | undefined;
  let idleMs = 0;
  const arm = () => {
    if (timer) clearTimeout(timer);
    timer = idleMs > 0 ? setTimeout(() => socket.emit("timeout"), idleMs) : undefined;
  };
  socket.setTimeout = (ms: number, onTimeout?: () => void) => {
    idleMs = ms;
    if (onTimeout) socket.once("timeout", onTimeout);
    arm();
    return socket;
  };
  socket.setKeepAlive = () => socket;
  socket.setNoDelay = () => socket;
  socket.ref = () => socket;
  socket.unref = () => socket;
  // Activity re-arms the idle timer; hooking push rather than listening for "data" leaves the stream paused
  // until the HTTP client reads it.
  const push = stream.push.bind(stream);
  socket.push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (idleMs > 0) arm();
    return push(chunk, encoding);
  };
  stream.on("close", () => timer && clearTimeout(timer));
  return stream;
}
