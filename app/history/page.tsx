import type { Metadata } from "next";
import { Suspense } from "react";
import { HistoryView } from "@/components/history/history-view";
import { Spinner } from "@/components/ui/spinner";

export const metadata: Metadata = { title: "History · Wharf" };

export default function HistoryPage() {
  // The filters come from useSearchParams, which needs a Suspense boundary for the static shell.
  return (
    <Suspense fallback={<Spinner label="Loading the history…" />}>
      <HistoryView />
    </Suspense>
  );
}
