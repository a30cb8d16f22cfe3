"use client";
import { useCallback, useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { TextField } from "@/components/ui/text-field";
import { useOpenConsole } from "@/lib/queries/use-open-console";
import { ConsoleTerminal, type TerminalState } from "./console-terminal";

/**
 * "Console" on a running container's page (operators): a shell in the container, in the browser. The command is
 * split on spaces (`/bin/sh` unless changed); each Open asks for a new ticket, so a closed console is reopened
 * by opening again.
 */
export function ConsolePanel({ hostId, name, running }: { hostId: string; name: string; running: boolean }) {
  const [command, setCommand] = useState("/bin/sh");
  const [state, setState] = useState<TerminalState | null>(null);
  const open = useOpenConsole(hostId, name);
  const onState = useCallback((next: TerminalState) => setState(next), []);
  const start = () => {
    setState(null);
    const argv = command.trim().split(/\s+/).filter(Boolean);
    open.mutate({ command: argv.length ? argv : ["/bin/sh"], cols: 80, rows: 24 });
  };
  const live = open.data && state?.phase !== "ended";
  return (
    <section aria-label="Console" className="space-y-3" data-testid="console-panel">
      <div className="flex flex-wrap items-end gap-2">
        <h2 className="mr-2 text-lg font-semibold">Console</h2>
        <TextField
          label="Command"
          value={command}
          onChange={(event) => setCommand(event.target.value)}
          className="w-56 font-mono"
          disabled={!!live}
        />
        <Button
          variant="primary"
          data-testid="console-open"
          disabled={!running || open.isPending || !!live}
          onClick={start}
          title={running ? undefined : "A console needs the container running"}
        >
          {open.isPending ? "Opening…" : "Open console"}
        </Button>
        {live && (
          <Button data-testid="console-close" onClick={() => open.reset()}>
            Close
          </Button>
        )}
      </div>
      {open.error && (
        <Notice tone="error" title="Cannot open a console">
          {open.error.message}
        </Notice>
      )}
      {open.data && (
        <>
          <p
            className="text-xs text-slate-500 dark:text-slate-400"
            data-testid="console-status"
            data-phase={state?.phase ?? "connecting"}
            data-end-reason={state?.phase === "ended" ? state.end.reason : undefined}
          >
            {state?.phase === "ended"
              ? state.end.message
              : state?.phase === "open"
                ? `Connected to ${name} on ${hostId}`
                : "Connecting…"}
          </p>
          <ConsoleTerminal key={open.data.ticket} url={open.data.url} onState={onState} />
        </>
      )}
    </section>
  );
}
