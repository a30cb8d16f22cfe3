"use client";
import { useToast } from "@/components/ui/use-toast";
import { useBulkRestart } from "@/lib/queries/use-bulk-restart";
import { useContainerAction } from "@/lib/queries/use-container-action";
import { useRestartCrashed } from "@/lib/queries/use-restart-crashed";
import { bulkToast, errorToast, outcomeToast } from "./action-toasts";
import { actionLabels } from "./action-labels";

/** The action mutations, each telling its end in a toast (also when the view that started it is gone). */
export function useToastingContainerAction() {
  const toast = useToast();
  return useContainerAction({
    onSuccess: (result, input) => toast(outcomeToast(input.action, input.name, result)),
    onError: (error, input) =>
      toast(errorToast(`Cannot ${actionLabels[input.action].verb} ${input.name}`, error)),
  });
}

export function useToastingBulkRestart() {
  const toast = useToast();
  return useBulkRestart({
    onSuccess: ({ results }) => toast(bulkToast(results)),
    onError: (error) => toast(errorToast("Cannot restart the selection", error)),
  });
}

export function useToastingRestartCrashed(hostId: string | undefined) {
  const toast = useToast();
  return useRestartCrashed(hostId, {
    onSuccess: ({ results }) => toast(bulkToast(results)),
    onError: (error) => toast(errorToast("Cannot restart the crashed containers", error)),
  });
}
