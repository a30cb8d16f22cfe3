"use client";
import { createContext, useContext } from "react";

export type ToastTone = "success" | "neutral" | "warning" | "error";

export type ToastInput = {
  tone: ToastTone;
  title: string;
  message?: string;
  /** What the toast reports (an action's outcome, or "error"), exposed as data-outcome. */
  outcome: string;
};

export type Toast = ToastInput & { id: number };

export const ToastContext = createContext<((toast: ToastInput) => void) | null>(null);

/** Shows a toast; the function is stable, so calling components never re-render when toasts come and go. */
export function useToast(): (toast: ToastInput) => void {
  const show = useContext(ToastContext);
  if (!show) throw new Error("useToast() needs a <ToastProvider> above it (app/providers.tsx)");
  return show;
}
