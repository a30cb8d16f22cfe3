// A webhook receiver in the bench process, on loopback: what a team's alert endpoint does, with the arrival time
// taken when the last body byte is in and the signature checked the way docs/api.md tells receivers to.
import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";

/** Whether `header` is `sha256=<hex>` of the HMAC-SHA256 of the raw body under `secret`. */
export function validSignature(rawBody, secret, header) {
  if (typeof header !== "string") return false;
  const expected = Buffer.from(`sha256=${createHmac("sha256", secret).update(rawBody).digest("hex")}`);
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * Starts the receiver on 127.0.0.1 with a free port. `received` holds every POST in arrival order:
 * `{ receivedAt, event, valid, message }` (message: the parsed body, null when it was not JSON).
 */
export async function startAlertReceiver({ secret, now }) {
  const received = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", () => {
      const receivedAt = now();
      const raw = Buffer.concat(chunks);
      let message = null;
      try {
        message = JSON.parse(raw.toString("utf8"));
      } catch {}
      received.push({
        receivedAt,
        event: req.headers["x-wharf-event"] ?? null,
        valid: req.method === "POST" && validSignature(raw, secret, req.headers["x-wharf-signature"]),
        message,
      });
      // Any 2xx counts as delivered; an empty answer keeps Wharf's side of the exchange as short as it can be.
      res.writeHead(204).end();
    });
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/wharf-bench-alerts`,
    received,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
