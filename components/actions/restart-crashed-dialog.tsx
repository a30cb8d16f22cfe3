"use client";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useToastingRestartCrashed } from "./use-toasting-actions";

/** Asks before a "restart crashed", then sends it; RestartCrashedButton shows it running. */
export function RestartCrashedDialog({
  hostId,
  count,
  open,
  onClose,
}: {
  hostId?: string;
  count: number;
  open: boolean;
  onClose: () => void;
}) {
  const restart = useToastingRestartCrashed(hostId);
  const where = hostId ? `on ${hostId}` : "in the fleet";
  return (
    <ConfirmDialog
      open={open}
      title={`Restart the crashed containers ${where}?`}
      confirmLabel="Restart crashed"
      onConfirm={() => {
        onClose();
        restart.mutate();
      }}
      onCancel={onClose}
    >
      <p>
        Every container {where} that exited with an error, was killed for lack of memory or is dead is started
        again ({count} right now). Restart loops and unhealthy containers are left alone.
      </p>
    </ConfirmDialog>
  );
}
