"use client";
import { useCallback, useRef, useState, type ReactNode } from "react";
import { Toaster } from "./toaster";
import { ToastContext, type Toast, type ToastInput } from "./use-toast";

// A burst (a bulk action gone wrong) should not bury the page: the oldest give way.
const MAX_SHOWN = 5;

/** Holds the page's toasts and shows them; mounted once, in app/providers.tsx. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const lastId = useRef(0);
  const show = useCallback((toast: ToastInput) => {
    const id = ++lastId.current;
    setToasts((list) => [...list.slice(-(MAX_SHOWN - 1)), { ...toast, id }]);
  }, []);
  const dismiss = useCallback(
    (id: number) => setToasts((list) => list.filter((toast) => toast.id !== id)),
    [],
  );
  return (
    <ToastContext.Provider value={show}>
      {children}
      <Toaster toasts={toasts} onDismiss={dismiss} />
    </ToastContext.Provider>
  );
}
