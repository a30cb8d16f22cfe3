// A minimal server-sent-events client over node:http, so arrival times are taken when the bytes arrive and
// nothing (no EventSource polyfill, no JSON parse of big snapshots unless asked) sits in between.
import http from "node:http";

/**
 * Opens `url` as an event stream. `onEvent({event, data, id}, receivedAtMs)` runs per event; `snapshot`
 * resolves with the first `snapshot` event's arrival time once it has been received whole. `onEnd(reason)` runs
 * once if the server ends the stream or the connection fails (not after `close()`).
 */
export function openEventStream(
  url,
  { onEvent = () => {}, onEnd = () => {}, now = Date.now, headers = {} } = {},
) {
  let closed = false;
  let ended = false;
  const end = (reason) => {
    if (closed || ended) return;
    ended = true;
    onEnd(reason);
  };
  let resolveSnapshot, rejectSnapshot;
  const snapshot = new Promise((resolve, reject) => ((resolveSnapshot = resolve), (rejectSnapshot = reject)));
  snapshot.catch(() => {});
  const req = http.get(url, { headers: { accept: "text/event-stream", ...headers }, agent: false }, (res) => {
    if (res.statusCode !== 200) {
      end(`status ${res.statusCode}`);
      return rejectSnapshot(new Error(`${url} → ${res.statusCode}`));
    }
    res.setEncoding("utf8");
    let buffered = "";
    res.on("data", (chunk) => {
      const receivedAt = now();
      // Search only the new bytes (plus one before them): a snapshot arrives in many chunks, and rescanning
      // the whole buffer each time would make reading it quadratic.
      let from = Math.max(0, buffered.length - 1);
      buffered += chunk;
      let end;
      while ((end = buffered.indexOf("\n\n", from)) >= 0) {
        const block = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        from = 0;
        const message = parseBlock(block);
        if (message.event === "snapshot") resolveSnapshot({ receivedAt, bytes: message.data.length });
        if (message.data !== "") onEvent(message, receivedAt);
      }
    });
    res.on("error", (error) => end(`response error: ${error.message}`));
    res.on("end", () => end("ended by the server"));
  });
  req.on("error", (error) => (rejectSnapshot(error), end(`request error: ${error.message}`)));
  return {
    snapshot,
    close: () => {
      closed = true;
      req.destroy();
    },
  };
}

function parseBlock(block) {
  const message = { event: "message", data: "", id: null };
  for (const line of block.split("\n")) {
    if (line.startsWith("event: ")) message.event = line.slice(7);
    else if (line.startsWith("data: ")) message.data += line.slice(6);
    else if (line.startsWith("id: ")) message.id = line.slice(4);
  }
  return message;
}
