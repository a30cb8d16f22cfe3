import type { BadgeTone } from "@/components/ui/badge";
import type { HistoryOutcome } from "@/lib/history/types";

type Look = { label: string; tone: BadgeTone; icon: string; fill: string; swatch: string };

/**
 * One colour per outcome for the badge, the chart and its legend. Listed in stacking order: the chart draws
 * the first at the bottom, so the rarer, worse outcomes sit on top where they catch the eye.
 */
export const outcomeLooks: Record<HistoryOutcome, Look> = {
  succeeded: {
    label: "succeeded",
    tone: "green",
    icon: "✔",
    fill: "fill-emerald-500 dark:fill-emerald-400",
    swatch: "bg-emerald-500 dark:bg-emerald-400",
  },
  "no-change": {
    label: "no change",
    tone: "gray",
    icon: "=",
    fill: "fill-slate-400 dark:fill-slate-500",
    swatch: "bg-slate-400 dark:bg-slate-500",
  },
  running: {
    label: "running",
    tone: "blue",
    icon: "…",
    fill: "fill-sky-500 dark:fill-sky-400",
    swatch: "bg-sky-500 dark:bg-sky-400",
  },
  "rolled-back": {
    label: "rolled back",
    tone: "amber",
    icon: "↶",
    fill: "fill-amber-500 dark:fill-amber-400",
    swatch: "bg-amber-500 dark:bg-amber-400",
  },
  failed: {
    label: "failed",
    tone: "red",
    icon: "✖",
    fill: "fill-red-600 dark:fill-red-500",
    swatch: "bg-red-600 dark:bg-red-500",
  },
};

export const stackOrder = Object.keys(outcomeLooks) as HistoryOutcome[];
