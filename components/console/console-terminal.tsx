"use client";
import "@xterm/xterm/css/xterm.css";
import { useEffect, useRef, useState } from "react";
import type { ConsoleControl, ConsoleEnd } from "@/lib/console/types";

export type TerminalState = { phase: "connecting" | "open" } | { phase: "ended"; end: ConsoleEnd };

/**
 * The terminal of one console: xterm.js on a WebSocket opened with a one-time ticket. Keystrokes go out as
 * binary frames, the terminal's size as a text frame whenever it fits a new width; how the console ended is
 * written into the terminal itself, where the user is looking.
 */
export function ConsoleTerminal({ url, onState }: { url: string; onState: (state: TerminalState) => void }) {
  const box = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ cols: number; rows: number } | null>(null);
  const report = useRef(onState);
  useEffect(() => {
    report.current = onState;
  }, [onState]);

  useEffect(() => {
    let disposed = false;
    const cleanups: (() => void)[] = [];
    // xterm touches the DOM when loaded: imported here, it never runs on the server.
    void Promise.all([import("@xterm/xterm"), import("@xterm/addon-fit")]).then(
      ([{ Terminal }, { FitAddon }]) => {
        if (disposed || !box.current) return;
        const term = new Terminal({ cursorBlink: true, fontSize: 13, convertEol: false, scrollback: 5000 });
        const fit = new FitAddon();
        term.loadAddon(fit);
        term.open(box.current);
        fit.fit();
        // Opened below the logs: bring it into view (xterm also pauses drawing while it is off screen).
        box.current.scrollIntoView({ block: "nearest" });
        setSize({ cols: term.cols, rows: term.rows });
        const scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
        const ws = new WebSocket(`${scheme}//${window.location.host}${url}`);
        ws.binaryType = "arraybuffer";
        let ended = false;
        const sendSize = () => {
          if (ws.readyState !== WebSocket.OPEN) return;
          const control: ConsoleControl = { type: "resize", cols: term.cols, rows: term.rows };
          ws.send(JSON.stringify(control));
        };
        const finish = (end: ConsoleEnd) => {
          if (ended) return;
          ended = true;
          term.write(`\r\n\x1b[33m${end.message}\x1b[0m\r\n`);
          report.current({ phase: "ended", end });
        };
        ws.onopen = () => {
          report.current({ phase: "open" });
          sendSize();
          term.focus();
        };
        ws.onmessage = (event) => {
          if (typeof event.data === "string") {
            const end = parseEnd(event.data);
            if (end) finish(end);
          } else term.write(new Uint8Array(event.data as ArrayBuffer));
        };
        ws.onclose = (event) =>
          finish({
            type: "end",
            reason: "failed",
            message: event.reason || "The console's connection closed",
          });
        const encoder = new TextEncoder();
        const input = term.onData((data) => {
          if (ws.readyState === WebSocket.OPEN) ws.send(encoder.encode(data));
        });
        const resized = term.onResize(({ cols, rows }) => {
          setSize({ cols, rows });
          sendSize();
        });
        const observer = new ResizeObserver(() => fit.fit());
        observer.observe(box.current);
        cleanups.push(() => {
          observer.disconnect();
          input.dispose();
          resized.dispose();
          ended = true;
          ws.close();
          term.dispose();
        });
      },
    );
    return () => {
      disposed = true;
      for (const cleanup of cleanups) cleanup();
    };
  }, [url]);

  return (
    <div
      ref={box}
      data-testid="console-terminal"
      data-cols={size?.cols}
      data-rows={size?.rows}
      className="h-80 w-full overflow-hidden rounded-md bg-black p-1 sm:h-96"
    />
  );
}

function parseEnd(text: string): ConsoleEnd | null {
  try {
    const value = JSON.parse(text) as Partial<ConsoleEnd>;
    return value.type === "end" && typeof value.message === "string" ? (value as ConsoleEnd) : null;
  } catch {
    return null;
  }
}
