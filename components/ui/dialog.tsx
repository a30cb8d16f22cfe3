"use client";
import { useEffect, useId, useRef, type ReactNode } from "react";
import { Button, type ButtonVariant } from "./button";

/**
 * A confirmation in a native modal <dialog>: the browser traps focus, makes the page behind inert and closes
 * it on Escape; the dialog gives focus back to the button that opened it. Focus starts on Cancel, so a stray
 * Enter never confirms something destructive.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  variant = "danger",
  confirmDisabled = false,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  variant?: ButtonVariant;
  /** While what the dialog asks for is not valid yet. */
  confirmDisabled?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      cancel.current?.focus();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);

  return (
    <dialog
      ref={dialog}
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={children ? bodyId : undefined}
      // Escape (or the browser) closed it: tell the owner, unless it was the owner closing it.
      onClose={() => open && onCancel()}
      // A click on the backdrop lands on the <dialog> itself; clicks on the content land on its children.
      onClick={(event) => event.target === event.currentTarget && onCancel()}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      {open && (
        <div className="p-5">
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          {children && (
            <div id={bodyId} className="mt-2 space-y-2 text-sm text-slate-600 dark:text-slate-300">
              {children}
            </div>
          )}
          <div className="mt-5 flex justify-end gap-2">
            <Button ref={cancel} onClick={onCancel}>
              Cancel
            </Button>
            <Button
              variant={variant}
              data-testid="confirm-action"
              disabled={confirmDisabled}
              onClick={onConfirm}
            >
              {confirmLabel}
            </Button>
          </div>
        </div>
      )}
    </dialog>
  );
}
