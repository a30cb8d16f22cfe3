"use client";
import { useEffect, useState } from "react";
import type { Toast, ToastTone } from "./use-toast";

const looks: Record<ToastTone, { box: string; icon: string }> = {
  success: {
    box: "border-emerald-300 bg-emerald-50 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100",
    icon: "✔",
  },
  neutral: {
    box: "border-slate-300 bg-white text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100",
    icon: "=",
  },
  warning: {
    box: "border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100",
    icon: "↶",
  },
  error: {
    box: "border-red-300 bg-red-50 text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-100",
    icon: "✖",
  },
};

// Bad news stays longer: it usually needs reading, and maybe copying.
const SHOWN_MS: Record<ToastTone, number> = {
  success: 6_000,
  neutral: 6_000,
  warning: 12_000,
  error: 12_000,
};

/** The stack of toasts, bottom right. It stays mounted even when empty, so screen readers track it. */
export function Toaster({ toasts, onDismiss }: { toasts: Toast[]; onDismiss: (id: number) => void }) {
  return (
    <section
      aria-label="Notifications"
      className="pointer-events-none fixed bottom-4 right-4 z-50 flex w-[min(28rem,calc(100vw-2rem))] flex-col gap-2"
    >
      {toasts.map((toast) => (
        <ToastCard key={toast.id} toast={toast} onDismiss={onDismiss} />
      ))}
    </section>
  );
}

function ToastCard({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  // Hovering or focusing a toast holds it, so nobody loses a message while reading it.
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (held) return;
    const timer = setTimeout(() => onDismiss(toast.id), SHOWN_MS[toast.tone]);
    return () => clearTimeout(timer);
  }, [held, toast.id, toast.tone, onDismiss]);
  const look = looks[toast.tone];
  return (
    <div
      role="status"
      data-testid="toast"
      data-outcome={toast.outcome}
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
      className={`pointer-events-auto flex items-start gap-3 rounded-lg border p-3 text-sm shadow-lg ${look.box}`}
    >
      <span aria-hidden className="mt-0.5 font-semibold">
        {look.icon}
      </span>
      <div className="min-w-0 flex-1">
        <p className="font-medium">{toast.title}</p>
        {toast.message && <p className="mt-0.5 break-words opacity-90">{toast.message}</p>}
      </div>
      <button
        type="button"
        aria-label="Dismiss"
        onClick={() => onDismiss(toast.id)}
        className="-m-1 rounded p-1 leading-none opacity-60 hover:opacity-100"
      >
        ×
      </button>
    </div>
  );
}
