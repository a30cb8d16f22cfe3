import "server-only";
import { DeadlineError } from "@/lib/docker/with-deadline";

// The clock is read this often; a gap longer than a step's allowance is time this process was not running.
const STEPS = 20;
const ALLOWANCE = 2;

/**
 * Like withDeadline, but only the time this process was free to hear the answer counts toward `ms`. A server
 * busy with a storm on one host (or starved of CPU by it) stalls for seconds at a time: its request to another
 * host leaves late and that host's answer waits unread in the socket, and after the stall the expired timer
 * runs before the socket is read. Counted by wall time, the other host looked down for our own delay.
 */
export function withAttentiveDeadline<T>(
  work: (signal: AbortSignal) => Promise<T>,
  ms: number,
  now: () => number = () => performance.now(),
): Promise<T> {
  const controller = new AbortController();
  const step = ms / STEPS;
  let timer: NodeJS.Timeout | undefined;
  let settled = false;
  const deadline = new Promise<never>((_, reject) => {
    let counted = 0;
    let last = now();
    const tick = () => {
      const at = now();
      counted += Math.min(at - last, step * ALLOWANCE);
      last = at;
      if (counted < ms) return void (timer = setTimeout(tick, step));
      // Timers run before sockets are read: an answer that arrived during the last stretch is read first.
      setImmediate(() => {
        if (settled) return;
        controller.abort();
        reject(new DeadlineError(ms));
      });
    };
    timer = setTimeout(tick, step);
  });
  const answered = work(controller.signal).finally(() => (settled = true));
  return Promise.race([answered, deadline]).finally(() => clearTimeout(timer));
}
