"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useToastingRestartCrashed } from "./use-toasting-actions";

/** "Restart crashed (N)" for one host, or for the whole fleet without `hostId`. */
export function RestartCrashedButton({ hostId, count }: { hostId?: string; count: number }) {
  const [asking, setAsking] = useState(false);
  const restart = useToastingRestartCrashed();
  const where = hostId ? `on ${hostId}` : "in the fleet";
  return (
    <>
      <Button
        size="sm"
        data-testid="restart-crashed"
        data-host={hostId ?? ""}
        disabled={restart.isPending}
        onClick={() => setAsking(true)}
      >
        <span aria-hidden>↻</span>
        {restart.isPending ? "Restarting…" : `Restart crashed (${count})`}
      </Button>
      <ConfirmDialog
        open={asking}
        title={`Restart the crashed containers ${where}?`}
        confirmLabel="Restart crashed"
        onConfirm={() => {
          setAsking(false);
          restart.mutate({ hostId });
        }}
        onCancel={() => setAsking(false)}
      >
        <p>
          Every container {where} that exited with an error, was killed for lack of memory or is dead is
          started again ({count} right now). Restart loops and unhealthy containers are left alone.
        </p>
      </ConfirmDialog>
    </>
  );
}
