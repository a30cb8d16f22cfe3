"use client";
import { useIsMutating } from "@tanstack/react-query";
import { lazy, Suspense, useState } from "react";
import { Button } from "@/components/ui/button";
import { actionKeys } from "@/lib/queries/keys";

// The confirmation and the request it sends load on the first click: the fleet page shows this button on
// first paint whenever something has crashed, and most of those visits never press it. Pointing at the button
// (or tabbing to it) asks for them already, so the click seldom waits.
const loadDialog = () =>
  import("./restart-crashed-dialog").then((m) => ({ default: m.RestartCrashedDialog }));
const RestartCrashedDialog = lazy(loadDialog);

/** "Restart crashed (N)" for one host, or for the whole fleet without `hostId`. */
export function RestartCrashedButton({ hostId, count }: { hostId?: string; count: number }) {
  const [asking, setAsking] = useState(false);
  // Mounted from the first click on and kept: closing the dialog (not unmounting it) gives focus back.
  const [asked, setAsked] = useState(false);
  // The mutation lives in the dialog: its key says whether it runs.
  const pending = useIsMutating({ mutationKey: actionKeys.restartCrashed(hostId ?? null) }) > 0;
  return (
    <>
      <Button
        size="sm"
        data-testid="restart-crashed"
        data-host={hostId ?? ""}
        disabled={pending}
        onPointerEnter={() => void loadDialog()}
        onFocus={() => void loadDialog()}
        onClick={() => {
          setAsked(true);
          setAsking(true);
        }}
      >
        <span aria-hidden>↻</span>
        {pending ? "Restarting…" : `Restart crashed (${count})`}
      </Button>
      {asked && (
        <Suspense fallback={null}>
          <RestartCrashedDialog
            hostId={hostId}
            count={count}
            open={asking}
            onClose={() => setAsking(false)}
          />
        </Suspense>
      )}
    </>
  );
}
