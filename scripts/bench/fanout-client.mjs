// P11's stream holder, one process per replica: `node fanout-client.mjs URL COUNT COOKIE` opens COUNT event
// streams on one replica and reports, per watched container, when each stream got its row running and exited.
// A process of its own so that 1,000 streams are read by two processes as 500 are by one: the reading side's
// cost per stream stays the same in both set-ups, and the difference left is the servers'.
import { nowMs } from "./log.mjs";
import { openEventStream } from "./sse-client.mjs";

const [url, countText, cookie] = process.argv.slice(2);
const count = Number(countText);
const watched = new Map(); // name → { running: Set of stream indexes, exited: Map index → ms, told: bool }
let ended = 0;

function onEvent(index, message, receivedAt) {
  if (message.event !== "container" || watched.size === 0) return;
  for (const [name, watch] of watched) {
    if (!message.data.includes(`"${name}"`)) continue;
    const { row } = JSON.parse(message.data);
    if (row?.state === "running") watch.running.add(index);
    if (row?.state === "exited" && !watch.exited.has(index)) watch.exited.set(index, receivedAt);
    if (!watch.toldRunning && watch.running.size === count) {
      watch.toldRunning = true;
      process.send({ running: name });
    }
    if (watch.exited.size === count) {
      watched.delete(name);
      process.send({ exited: name, at: [...watch.exited.values()] });
    }
  }
}

const streams = [];
// A few at a time: a thousand connections opened in one go would time the accept queue, not the streams.
for (let from = 0; from < count; from += 25) {
  const batch = [];
  for (let i = from; i < Math.min(count, from + 25); i++) {
    const stream = openEventStream(`${url}/api/events`, {
      headers: { cookie },
      now: nowMs,
      onEvent: (message, receivedAt) => onEvent(i, message, receivedAt),
      onEnd: () => ended++,
    });
    streams.push(stream);
    batch.push(stream.snapshot);
  }
  await Promise.all(batch);
}
process.send({ ready: streams.length });
process.on("message", (message) => {
  if (message.watch)
    watched.set(message.watch, { running: new Set(), exited: new Map(), toldRunning: false });
  if (message.close) {
    streams.forEach((stream) => stream.close());
    process.send({ closed: true, ended });
    process.exit(0);
  }
});
