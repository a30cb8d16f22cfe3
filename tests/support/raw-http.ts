// Requests fetch cannot make: a Host header of the test's choosing, a client socket bound to another loopback
// address (127.0.0.2 plays a second client), a body streamed until the server answers.
import http from "node:http";

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; text: string };

export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; localAddress?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: options.method ?? "GET", headers: options.headers, localAddress: options.localAddress },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, text }));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(options.body);
  });
}

/**
 * POSTs `totalBytes` of body in 64 KB chunks, waiting for the socket to take each one, and stops writing as
 * soon as the server answers. Resolves with the status and how many bytes had been written by then.
 * `declareLength`: send Content-Length up front, else the body goes chunked.
 */
export function streamBody(
  url: string,
  options: {
    totalBytes: number;
    declareLength: boolean;
    headers?: Record<string, string>;
    /** Send the headers alone and wait: only a server that answers on them answers at all. */
    headersOnly?: boolean;
  },
): Promise<{ status: number; sentBytes: number }> {
  return new Promise((resolve, reject) => {
    let sentBytes = 0;
    let answered = false;
    const headers: Record<string, string> = { "content-type": "application/json", ...options.headers };
    if (options.declareLength) headers["content-length"] = String(options.totalBytes);
    const request = http.request(url, { method: "POST", headers }, (response) => {
      answered = true;
      response.resume();
      response.on("end", () => {
        resolve({ status: response.statusCode!, sentBytes });
        request.destroy();
      });
    });
    // The server may close the connection while we still write: that is an answer, not a failure.
    request.on("error", (error) => (answered ? undefined : reject(error)));
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const writeMore = () => {
      while (!answered && sentBytes < options.totalBytes) {
        sentBytes += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", writeMore);
      }
      if (!answered) request.end();
    };
    if (options.headersOnly) request.flushHeaders();
    else writeMore();
  });
}
