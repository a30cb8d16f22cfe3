// Real receivers for alerts: an HTTP server that records every POST, and an SMTP server that records every mail.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type Received = { headers: http.IncomingHttpHeaders; body: string; json: Record<string, unknown> };

export type HttpReceiver = {
  port: number;
  url: string;
  received: Received[];
  /** Stops listening (the receiver is "down"); `open()` listens on the same port again. */
  close: () => Promise<void>;
  open: () => Promise<void>;
};

export async function startHttpReceiver(): Promise<HttpReceiver> {
  const received: Received[] = [];
  let server: http.Server | undefined;
  let port = 0;
  const open = () =>
    new Promise<void>((resolve, reject) => {
      server = http.createServer((request, response) => {
        const chunks: Buffer[] = [];
        request.on("data", (chunk: Buffer) => chunks.push(chunk));
        request.on("end", () => {
          const body = Buffer.concat(chunks).toString("utf8");
          received.push({
            headers: request.headers,
            body,
            json: JSON.parse(body) as Record<string, unknown>,
          });
          response.writeHead(200, { "content-type": "text/plain" }).end("ok");
        });
      });
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        port = (server!.address() as AddressInfo).port;
        resolve();
      });
    });
  const close = () =>
    new Promise<void>((resolve) => {
      if (!server) return resolve();
      server.closeAllConnections();
      server.close(() => resolve());
      server = undefined;
    });
  await open();
  return {
    get port() {
      return port;
    },
    get url() {
      return `http://127.0.0.1:${port}/hooks/wharf?key=receiver-secret`;
    },
    received,
    close,
    open,
  };
}

export type Mail = { from: string; to: string[]; raw: string };

/** A plain SMTP server on loopback that wants a user and password, as a real relay would. */
export async function startSmtpServer(user: string, password: string) {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    secure: false,
    // No certificate here: without STARTTLS on offer, the client speaks plain SMTP on loopback.
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === password) callback(null, { user });
      else callback(new Error("Invalid username or password"));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
